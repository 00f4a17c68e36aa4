import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { committees } from './tenancy';
import {
  bigSerialId,
  committeeLogTable,
  committeeTable,
  createdAt,
  requiredReference,
  timestampTz,
} from './columns';
import { users } from './accounts';
import { members } from './organisation';

/** Append-only; the migration revokes nothing but no code path updates or deletes it. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigSerialId(),
    committeeId: integer('committee_id').references(() => committees.id),
    actorId: integer('actor_id').references(() => users.id),
    actorName: text('actor_name'),
    actorRole: text('actor_role'),
    ip: text('ip'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    summary: text('summary').notNull(),
    changes: jsonb('changes'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_committee_created_idx').on(t.committeeId, t.createdAt)],
);

/** Timeline of any record (proposal, opinion, activity …): who did what, from which state to which. */
export const timelineEvents = committeeLogTable(
  'timeline_events',
  {
    recordType: text('record_type').notNull(),
    recordId: integer('record_id').notNull(),
    actorId: integer('actor_id').references(() => users.id),
    actorName: text('actor_name'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('timeline_events_record_idx').on(t.recordType, t.recordId)],
);

/** Duty records are facts, not points; one per (member, kind, source, role). */
export const dutyRecords = committeeTable(
  'duty_records',
  {
    memberId: requiredReference('member_id', () => members.id),
    kind: text('kind').notNull(),
    sourceType: text('source_type').notNull(),
    sourceId: integer('source_id').notNull(),
    role: text('role').notNull().default(''),
    level: text('level'),
    occurredOn: timestampTz('occurred_on').notNull(),
    detail: jsonb('detail'),
    withdrawnAt: timestampTz('withdrawn_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('duty_records_identity_key').on(t.memberId, t.kind, t.sourceType, t.sourceId, t.role),
    index('duty_records_committee_member_idx').on(t.committeeId, t.memberId),
  ],
);

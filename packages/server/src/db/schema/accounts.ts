import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Role } from '@cppcc/shared';
import { committeeTable, createdAt, requiredReference, timestampTz } from './columns';
import { members, staff, units } from './organisation';

export const users = committeeTable(
  'users',
  {
    username: text('username').notNull(),
    phone: text('phone'),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().$type<Role[]>().notNull().default([]),
    memberId: integer('member_id').references(() => members.id),
    staffId: integer('staff_id').references(() => staff.id),
    unitId: integer('unit_id').references(() => units.id),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestampTz('locked_until'),
    disabled: boolean('disabled').notNull().default(false),
    lastLoginAt: timestampTz('last_login_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_username_key').on(t.username),
    uniqueIndex('users_phone_key').on(t.phone),
    index('users_committee_idx').on(t.committeeId),
  ],
);

/** Server-side sessions: the cookie holds only a random id; its hash is the key. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: requiredReference('user_id', () => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    lastSeenAt: timestampTz('last_seen_at').notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * 三员分立: a change that would give an account administrator powers (create, enable, add an admin
 * role, reset an admin's password) waits here until a second administrator approves it.
 */
export const accountApprovals = committeeTable(
  'account_approvals',
  {
    /** 'create' | 'update' | 'resetPassword' */
    kind: text('kind').notNull(),
    /** The account concerned; null for a creation until it is approved. */
    targetUserId: integer('target_user_id').references(() => users.id),
    /** The request as validated: the create or update body; nothing for a reset. */
    payload: jsonb('payload'),
    summary: text('summary').notNull(),
    /** 'pending' | 'approved' | 'rejected' */
    status: text('status').notNull().default('pending'),
    requestedBy: requiredReference('requested_by', () => users.id),
    requestedAt: timestampTz('requested_at').notNull().defaultNow(),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestampTz('decided_at'),
    decisionNote: text('decision_note'),
  },
  (t) => [
    index('account_approvals_committee_idx').on(t.committeeId, t.status),
    // One open request per account: a second one would be approved against a stale first.
    uniqueIndex('account_approvals_pending_target_key')
      .on(t.targetUserId)
      .where(sql`status = 'pending' and target_user_id is not null`),
  ],
);

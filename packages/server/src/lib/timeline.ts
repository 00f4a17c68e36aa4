import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { timelineEvents } from '../db/schema';
import { primaryRole, type Actor } from './actor';
import { columnsEqual } from './where';

export interface TimelineEntry {
  recordType: string;
  recordId: number;
  action: string;
  fromState?: string | null;
  toState?: string | null;
  note?: string | null;
}

/** Appends one step to a record's timeline; call it inside the transaction that makes the step. */
export async function appendTimeline(db: DbOrTx, actor: Actor, entry: TimelineEntry) {
  await db.insert(timelineEvents).values({
    committeeId: actor.committeeId,
    recordType: entry.recordType,
    recordId: entry.recordId,
    actorId: actor.userId,
    actorName: actor.displayName,
    actorRole: primaryRole(actor),
    action: entry.action,
    fromState: entry.fromState ?? null,
    toState: entry.toState ?? null,
    note: entry.note ?? null,
  });
}

/** History rows as a page shows them, each action named by the module's labels (else by its code). */
export const presentTimeline = (
  rows: (typeof timelineEvents.$inferSelect)[],
  labels: Record<string, string>,
) =>
  rows.map((t) => ({
    id: t.id,
    action: t.action,
    actionLabel: labels[t.action] ?? t.action,
    actorName: t.actorName ?? '系统',
    note: t.note,
    at: t.createdAt.toISOString(),
  }));

export function readTimeline(db: DbOrTx, committeeId: number, recordType: string, recordId: number) {
  return db
    .select()
    .from(timelineEvents)
    .where(columnsEqual(timelineEvents, { committeeId, recordType, recordId }))
    .orderBy(asc(timelineEvents.id));
}

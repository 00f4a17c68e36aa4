import type { DbOrTx } from '../db/client';
import { auditLog } from '../db/schema';
import { primaryRole, type Actor } from './actor';

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string | number;
  summary: string;
  changes?: unknown;
}

/** Appends one audit entry; call it with the transaction that makes the change. */
export async function writeAudit(db: DbOrTx, actor: Actor | null, entry: AuditEntry, committeeId?: number) {
  await db.insert(auditLog).values({
    committeeId: committeeId ?? actor?.committeeId ?? null,
    actorId: actor?.userId ?? null,
    actorName: actor?.displayName ?? null,
    actorRole: actor ? primaryRole(actor) : null,
    ip: actor?.ip ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined ? null : String(entry.targetId),
    summary: entry.summary,
    changes: entry.changes ?? null,
  });
}

/** The fields that differ between two versions of a record, as `{field: [before, after]}`. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(value)) changes[key] = [before[key], value];
  }
  return changes;
}

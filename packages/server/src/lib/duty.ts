import { and, eq, isNull, sql } from 'drizzle-orm';
import { dutyFactProblem, type DutyKind } from '@cppcc/shared';
import type { DbOrTx } from '../db/client';
import { dutyRecords } from '../db/schema';

export interface DutyFact {
  committeeId: number;
  memberId: number;
  /** A kind of the catalogue in packages/shared/src/duty.ts. */
  kind: DutyKind;
  sourceType: string;
  sourceId: number;
  /** e.g. `lead` / `co`; empty when the kind has no roles. */
  role?: string;
  level?: string | null;
  occurredOn?: Date;
  detail?: unknown;
}

/**
 * Records a duty fact once per (member, kind, source, role). Recording it again is a no-op,
 * and re-records a withdrawn fact (its source was reinstated).
 */
export async function recordDuty(db: DbOrTx, fact: DutyFact) {
  // The type already says so; this holds for callers whose kind is a plain string at run time.
  const problem = dutyFactProblem(fact);
  if (problem) throw new Error(problem);
  const [row] = await db
    .insert(dutyRecords)
    .values({
      committeeId: fact.committeeId,
      memberId: fact.memberId,
      kind: fact.kind,
      sourceType: fact.sourceType,
      sourceId: fact.sourceId,
      role: fact.role ?? '',
      level: fact.level ?? null,
      occurredOn: fact.occurredOn ?? new Date(),
      detail: fact.detail ?? null,
    })
    .onConflictDoUpdate({
      target: [
        dutyRecords.memberId,
        dutyRecords.kind,
        dutyRecords.sourceType,
        dutyRecords.sourceId,
        dutyRecords.role,
      ],
      set: { withdrawnAt: null },
      setWhere: sql`${dutyRecords.withdrawnAt} is not null`,
    })
    .returning();
  return row ?? null;
}

/** Withdraws the duty facts of a source whose action was reversed; optionally only one kind or member. */
export async function withdrawDuty(
  db: DbOrTx,
  source: { committeeId: number; sourceType: string; sourceId: number; kind?: DutyKind; memberId?: number },
) {
  const conditions = [
    eq(dutyRecords.committeeId, source.committeeId),
    eq(dutyRecords.sourceType, source.sourceType),
    eq(dutyRecords.sourceId, source.sourceId),
    isNull(dutyRecords.withdrawnAt),
  ];
  if (source.kind) conditions.push(eq(dutyRecords.kind, source.kind));
  if (source.memberId) conditions.push(eq(dutyRecords.memberId, source.memberId));
  const rows = await db
    .update(dutyRecords)
    .set({ withdrawnAt: new Date() })
    .where(and(...conditions))
    .returning({ id: dutyRecords.id });
  return rows.length;
}

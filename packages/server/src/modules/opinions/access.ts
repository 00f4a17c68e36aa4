import { and, eq, inArray, ne } from 'drizzle-orm';
import type { OpinionState } from '@cppcc/shared';
import type { DbOrTx } from '../../db/client';
import { opinionCoauthors, opinionForwardings, opinionInstructions, opinions } from '../../db/schema';
import type { OpinionAccess } from '../../policies/opinion';

export type OpinionRow = typeof opinions.$inferSelect;
/** What of an opinion's row its access facts are made of (a search reads only these). */
export type OpinionAccessRow = Pick<
  OpinionRow,
  'id' | 'committeeId' | 'state' | 'submitterType' | 'submittedBy' | 'leadMemberId'
>;

/** The access facts of opinions from their rows, co-authors and forwarded units. */
export function buildAccess(
  rows: OpinionAccessRow[],
  facts: {
    coauthors: { opinionId: number; memberId: number; status: string }[];
    forwardings: { opinionId: number; unitId: number }[];
    instructions: { opinionId: number; unitId: number | null }[];
  },
): Map<number, OpinionAccess> {
  const out = new Map<number, OpinionAccess>();
  for (const r of rows)
    out.set(r.id, {
      committeeId: r.committeeId,
      state: r.state as OpinionState,
      // A report's filer is a person of the child committee, who has no say over the parent's record.
      authorUserId: r.submitterType === 'report' ? null : r.submittedBy,
      leadMemberId: r.leadMemberId,
      coauthorMemberIds: [],
      invitedMemberIds: [],
      forwardedUnitIds: [],
      instructionUnitIds: [],
    });
  for (const c of facts.coauthors) {
    const a = out.get(c.opinionId)!;
    if (c.status === 'confirmed') a.coauthorMemberIds.push(c.memberId);
    if (c.status === 'invited') a.invitedMemberIds.push(c.memberId);
  }
  for (const f of facts.forwardings) out.get(f.opinionId)!.forwardedUnitIds.push(f.unitId);
  for (const i of facts.instructions)
    if (i.unitId !== null) out.get(i.opinionId)!.instructionUnitIds.push(i.unitId);
  return out;
}

/** Loads the access facts of any number of opinions (one query per relation). */
export async function loadAccess(db: DbOrTx, rows: OpinionAccessRow[]) {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return buildAccess(rows, { coauthors: [], forwardings: [], instructions: [] });
  const coauthors = await db
    .select({
      opinionId: opinionCoauthors.opinionId,
      memberId: opinionCoauthors.memberId,
      status: opinionCoauthors.status,
    })
    .from(opinionCoauthors)
    .where(inArray(opinionCoauthors.opinionId, ids));
  const forwardings = await db
    .select({ opinionId: opinionForwardings.opinionId, unitId: opinionForwardings.unitId })
    .from(opinionForwardings)
    .where(and(inArray(opinionForwardings.opinionId, ids), ne(opinionForwardings.state, 'returned')));
  const instructions = await db
    .select({ opinionId: opinionInstructions.opinionId, unitId: opinionInstructions.unitId })
    .from(opinionInstructions)
    .where(inArray(opinionInstructions.opinionId, ids));
  return buildAccess(rows, { coauthors, forwardings, instructions });
}

export async function accessOf(db: DbOrTx, row: OpinionRow) {
  return (await loadAccess(db, [row])).get(row.id)!;
}

/** The opinion of a committee, or undefined. */
export async function findOpinion(db: DbOrTx, committeeId: number, id: number) {
  const [row] = await db
    .select()
    .from(opinions)
    .where(and(eq(opinions.id, id), eq(opinions.committeeId, committeeId)));
  return row;
}

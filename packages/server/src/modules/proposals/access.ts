import { and, eq, inArray } from 'drizzle-orm';
import type { ProposalState } from '@cppcc/shared';
import type { DbOrTx } from '../../db/client';
import { proposalProposers, proposalSupervisions, proposalUnits, proposals } from '../../db/schema';
import type { ProposalAccess } from '../../policies/proposal';

export type ProposalRow = typeof proposals.$inferSelect;
/** What of a proposal's row its access facts are made of (a search reads only these). */
export type ProposalAccessRow = Pick<ProposalRow, 'id' | 'committeeId' | 'state' | 'leadMemberId'>;

/** Loads the people around proposals, for the policy (one query per relation, any number of proposals). */
export async function loadAccess(
  db: DbOrTx,
  rows: ProposalAccessRow[],
): Promise<Map<number, ProposalAccess>> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return buildAccess(rows, { people: [], slots: [], supervisors: [] });
  // Sequential, not Promise.all: inside a transaction these share one connection.
  const people = await db
    .select({
      proposalId: proposalProposers.proposalId,
      memberId: proposalProposers.memberId,
      status: proposalProposers.status,
    })
    .from(proposalProposers)
    .where(inArray(proposalProposers.proposalId, ids));
  const slots = await db
    .select({ proposalId: proposalUnits.proposalId, unitId: proposalUnits.unitId })
    .from(proposalUnits)
    .where(and(inArray(proposalUnits.proposalId, ids), eq(proposalUnits.active, true)));
  const supervisors = await db
    .select({
      proposalId: proposalSupervisions.proposalId,
      leaderUserId: proposalSupervisions.leaderUserId,
    })
    .from(proposalSupervisions)
    .where(inArray(proposalSupervisions.proposalId, ids));
  return buildAccess(rows, { people, slots, supervisors });
}

/** The access facts of proposals from their people, active unit slots and supervisors. */
export function buildAccess(
  rows: ProposalAccessRow[],
  facts: {
    people: { proposalId: number; memberId: number; status: string }[];
    slots: { proposalId: number; unitId: number }[];
    supervisors: { proposalId: number; leaderUserId: number }[];
  },
): Map<number, ProposalAccess> {
  const out = new Map<number, ProposalAccess>();
  for (const r of rows) {
    out.set(r.id, {
      committeeId: r.committeeId,
      state: r.state as ProposalState,
      leadMemberId: r.leadMemberId,
      proposerMemberIds: [r.leadMemberId],
      invitedMemberIds: [],
      unitIds: [],
      supervisorUserIds: [],
    });
  }
  for (const p of facts.people) {
    const a = out.get(p.proposalId)!;
    if (p.status === 'confirmed' && !a.proposerMemberIds.includes(p.memberId))
      a.proposerMemberIds.push(p.memberId);
    if (p.status === 'invited') a.invitedMemberIds.push(p.memberId);
  }
  for (const s of facts.slots) out.get(s.proposalId)!.unitIds.push(s.unitId);
  for (const s of facts.supervisors) out.get(s.proposalId)!.supervisorUserIds.push(s.leaderUserId);
  return out;
}

export async function accessOf(db: DbOrTx, row: ProposalRow) {
  return (await loadAccess(db, [row])).get(row.id)!;
}

import { and, asc, eq, inArray } from 'drizzle-orm';
import { formatProposalNumber, proposalKindLabels, unitRoleLabels } from '@cppcc/shared';
import type { DbOrTx } from '../../../db/client';
import {
  committees,
  members,
  organisationProposers,
  plenarySessions,
  proposalAnswers,
  proposalProposers,
  proposalUnits,
  proposals,
  sectors,
  units,
} from '../../../db/schema';
import type { Actor } from '../../../lib/actor';
import { notFound } from '../../../lib/errors';
import { columnsEqual } from '../../../lib/where';
import { authorize, can } from '../../../lib/policy';
import { loadAccess } from '../access';

type ProposalRow = typeof proposals.$inferSelect;

/** Everything the official layout prints about one proposal. */
export interface ProposalSheet {
  id: number;
  numberLabel: string;
  title: string;
  category: string;
  kindLabel: string;
  content: string;
  /** 第一提案人 first, then confirmed co-proposers; or the organisation's name. */
  proposers: string;
  leadName: string;
  sectorName: string;
  contact: string;
  units: string;
  submittedAt: Date | null;
  /** Proposals merged into this one (并案), as `《title》（lead proposer）`. */
  mergedFrom: string[];
}

/** 清河市金川区政协 → 政协清河市金川区委员会, the form printed on official documents. */
export function officialCommitteeName(name: string) {
  return name.endsWith('政协') ? `政协${name.slice(0, -2)}委员会` : name;
}

export async function committeeAndSession(db: DbOrTx, committeeId: number, sessionId: number) {
  const [row] = await db
    .select({
      committeeName: committees.name,
      sessionName: plenarySessions.name,
      sessionId: plenarySessions.id,
    })
    .from(plenarySessions)
    .innerJoin(committees, eq(committees.id, plenarySessions.committeeId))
    .where(and(eq(plenarySessions.id, sessionId), eq(plenarySessions.committeeId, committeeId)));
  if (!row) throw notFound('会议');
  return { ...row, officialName: officialCommitteeName(row.committeeName) };
}

/** The proposal of the actor's committee that the actor may read (the proposal policy's `read`). */
export async function readableProposal(db: DbOrTx, actor: Actor, proposalId: number) {
  const [row] = await db
    .select()
    .from(proposals)
    .where(and(eq(proposals.id, proposalId), eq(proposals.committeeId, actor.committeeId)));
  if (!row) throw notFound('提案');
  const access = (await loadAccess(db, [row])).get(row.id)!;
  authorize(actor, 'read', 'proposal', access);
  return row;
}

/** The rows among `rows` the actor may read. */
export async function onlyReadable(db: DbOrTx, actor: Actor, rows: ProposalRow[]) {
  const access = await loadAccess(db, rows);
  return rows.filter((r) => can(actor, 'read', 'proposal', access.get(r.id)!));
}

/** Proposer names, sector, contact and units of many proposals in a few queries. */
export async function proposalSheets(db: DbOrTx, rows: ProposalRow[]): Promise<ProposalSheet[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const leadIds = [...new Set(rows.map((r) => r.leadMemberId))];
  const orgIds = [
    ...new Set(rows.map((r) => r.organisationProposerId).filter((id): id is number => id !== null)),
  ];
  const [leads, co, orgs, slots, merged] = await Promise.all([
    db
      .select({
        id: members.id,
        name: members.name,
        phone: members.phone,
        employer: members.employer,
        sector: sectors.name,
      })
      .from(members)
      .innerJoin(sectors, eq(sectors.id, members.sectorId))
      .where(inArray(members.id, leadIds)),
    db
      .select({
        proposalId: proposalProposers.proposalId,
        memberId: proposalProposers.memberId,
        name: members.name,
      })
      .from(proposalProposers)
      .innerJoin(members, eq(members.id, proposalProposers.memberId))
      .where(and(inArray(proposalProposers.proposalId, ids), eq(proposalProposers.status, 'confirmed')))
      .orderBy(asc(proposalProposers.sortOrder), asc(proposalProposers.id)),
    orgIds.length
      ? db
          .select({ id: organisationProposers.id, name: organisationProposers.name })
          .from(organisationProposers)
          .where(inArray(organisationProposers.id, orgIds))
      : Promise.resolve([]),
    db
      .select({ proposalId: proposalUnits.proposalId, name: units.name, role: proposalUnits.role })
      .from(proposalUnits)
      .innerJoin(units, eq(units.id, proposalUnits.unitId))
      .where(and(inArray(proposalUnits.proposalId, ids), eq(proposalUnits.active, true)))
      .orderBy(asc(proposalUnits.id)),
    db
      .select({ into: proposals.mergedIntoId, title: proposals.title, lead: members.name })
      .from(proposals)
      .innerJoin(members, eq(members.id, proposals.leadMemberId))
      .where(and(inArray(proposals.mergedIntoId, ids), eq(proposals.state, 'merged')))
      .orderBy(asc(proposals.id)),
  ]);
  const roleOrder = { lead: 0, separate: 1, co: 2 } as Record<string, number>;
  return rows.map((r) => {
    const lead = leads.find((m) => m.id === r.leadMemberId);
    const org = orgs.find((o) => o.id === r.organisationProposerId);
    const names = [
      lead?.name ?? '',
      ...co.filter((c) => c.proposalId === r.id && c.memberId !== r.leadMemberId).map((c) => c.name),
    ];
    const mine = slots
      .filter((s) => s.proposalId === r.id)
      .sort((a, b) => (roleOrder[a.role] ?? 9) - (roleOrder[b.role] ?? 9));
    const byRole = (role: string) => mine.filter((s) => s.role === role).map((s) => s.name);
    const unitParts = (['lead', 'separate', 'co'] as const)
      .filter((role) => byRole(role).length > 0)
      .map((role) => `${unitRoleLabels[role]}：${byRole(role).join('、')}`);
    return {
      id: r.id,
      numberLabel: formatProposalNumber(r.number) || '（未立案）',
      title: r.title,
      category: r.category,
      kindLabel: r.kind ? proposalKindLabels[r.kind as keyof typeof proposalKindLabels] : '',
      content: r.content,
      proposers: org ? `${org.name}（${lead?.name ?? ''}代表提交）` : names.filter(Boolean).join('、'),
      leadName: lead?.name ?? '',
      sectorName: org ? '' : (lead?.sector ?? ''),
      contact: [lead?.employer, lead?.phone].filter(Boolean).join('　'),
      units: unitParts.join('；') || '（尚未交办）',
      submittedAt: r.submittedAt,
      mergedFrom: merged.filter((m) => m.into === r.id).map((m) => `《${m.title}》（${m.lead}）`),
    };
  });
}

/** The units of a proposal's active slots, in assignment order: who leads, who co-handles (协办). */
export async function activeUnitsOf(db: DbOrTx, proposal: ProposalRow) {
  return db
    .select({ unitId: proposalUnits.unitId, role: proposalUnits.role, name: units.name })
    .from(proposalUnits)
    .innerJoin(units, eq(units.id, proposalUnits.unitId))
    .where(
      columnsEqual(proposalUnits, {
        proposalId: proposal.id,
        committeeId: proposal.committeeId,
        active: true,
      }),
    )
    .orderBy(asc(proposalUnits.id));
}

/**
 * The answers a proposer receives: the latest staff-approved answer of each unit. A merged proposal's
 * proposers receive the main proposal's answers.
 */
export async function approvedAnswers(db: DbOrTx, proposal: ProposalRow) {
  const sourceId = proposal.state === 'merged' && proposal.mergedIntoId ? proposal.mergedIntoId : proposal.id;
  const rows = await db
    .select({ answer: proposalAnswers, unitName: units.name })
    .from(proposalAnswers)
    .innerJoin(units, eq(units.id, proposalAnswers.unitId))
    .where(
      and(
        eq(proposalAnswers.proposalId, sourceId),
        eq(proposalAnswers.committeeId, proposal.committeeId),
        eq(proposalAnswers.state, 'approved'),
      ),
    )
    .orderBy(asc(proposalAnswers.unitId), asc(proposalAnswers.round));
  const latest = new Map<number, (typeof rows)[number]>();
  for (const r of rows) latest.set(r.answer.unitId, r);
  const [source] =
    sourceId === proposal.id
      ? [proposal]
      : await db.select().from(proposals).where(eq(proposals.id, sourceId));
  return { source: source!, answers: [...latest.values()] };
}

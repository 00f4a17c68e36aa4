import { and, eq, sql, type SQL } from 'drizzle-orm';
import {
  attachments,
  committees,
  members,
  organisationProposers,
  plenarySessions,
  proposalAnswers,
  proposalEvaluations,
  proposalFollowups,
  proposalProposers,
  proposalRatings,
  proposalSupervisionLogs,
  proposalSupervisions,
  proposalUnitOpinions,
  proposalUnits,
  proposals,
  sectors,
  timelineEvents,
  units,
  users,
} from '../../db/schema';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { jsonRows, rowFromJson } from '../../lib/json-rows';
import { preparedPerDatabase } from '../../lib/prepared';
import { mergeSettings } from '../../lib/settings';
import { buildAccess, type ProposalRow } from './access';

type Json = Record<string, unknown>;
const of = (fields: SQL) => sql`jsonb_build_object(${fields})`;
/** The relation's rows of the proposal being read (a correlated subquery's condition). */
const where = (proposalIdColumn: AnyPgColumn) => sql`where ${proposalIdColumn} = ${proposals.id}`;

/**
 * Everything the detail of one proposal shows, read in one round trip: the proposal with each of its
 * relations as a JSON column. Who the proposal's people are (the policy's access facts) comes from
 * the same rows, so nothing is loaded twice.
 */
export async function loadProposalDetail(db: DbOrTx, committeeId: number, proposalId: number) {
  const [found] = await detailQueryOf(db).execute({ committeeId, proposalId });
  if (!found) return null;
  return fromDetailRow(found);
}

const prepareDetailQuery = (db: DbOrTx) =>
  db
    .select({
      proposal: proposals,
      // The committee's rules the presenter applies (the rating window), in the same round trip.
      settings: sql<
        Record<string, unknown>
      >`(select ${committees.settings} from ${committees} where ${committees.id} = ${proposals.committeeId})`,
      session: sql<Json | null>`(select jsonb_build_object('id', ${plenarySessions.id}, 'name', ${plenarySessions.name}) from ${plenarySessions} where ${plenarySessions.id} = ${proposals.sessionId})`,
      organisation: sql<Json | null>`(select jsonb_build_object('id', ${organisationProposers.id}, 'name', ${organisationProposers.name}, 'kind', ${organisationProposers.kind}) from ${organisationProposers} where ${organisationProposers.id} = ${proposals.organisationProposerId})`,
      people: jsonRows(
        of(
          sql`'row', to_jsonb(${proposalProposers}), 'name', ${members.name}, 'sector', ${sectors.name}, 'phone', ${members.phone}, 'employer', ${members.employer}`,
        ),
        sql`from ${proposalProposers} join ${members} on ${members.id} = ${proposalProposers.memberId} join ${sectors} on ${sectors.id} = ${members.sectorId} ${where(proposalProposers.proposalId)}`,
        sql`${proposalProposers.sortOrder}, ${proposalProposers.id}`,
      ).mapWith((v) => v as Json[]),
      slots: jsonRows(
        of(sql`'row', to_jsonb(${proposalUnits}), 'name', ${units.name}`),
        sql`from ${proposalUnits} join ${units} on ${units.id} = ${proposalUnits.unitId} ${where(proposalUnits.proposalId)}`,
        sql`${proposalUnits.id}`,
      ).mapWith((v) => v as Json[]),
      suggested: jsonRows(
        of(sql`'id', ${units.id}, 'name', ${units.name}`),
        sql`from ${units} where ${units.id} = any(${proposals.suggestedUnitIds})`,
        sql`${units.id}`,
      ).mapWith((v) => v as Json[]),
      answers: jsonRows(
        of(sql`'row', to_jsonb(${proposalAnswers}), 'unitName', ${units.name}`),
        sql`from ${proposalAnswers} join ${units} on ${units.id} = ${proposalAnswers.unitId} ${where(proposalAnswers.proposalId)}`,
        sql`${proposalAnswers.round}, ${proposalAnswers.id}`,
      ).mapWith((v) => v as Json[]),
      ratings: jsonRows(
        of(sql`'row', to_jsonb(${proposalRatings}), 'name', ${members.name}`),
        sql`from ${proposalRatings} join ${members} on ${members.id} = ${proposalRatings.memberId} ${where(proposalRatings.proposalId)}`,
        sql`${proposalRatings.id}`,
      ).mapWith((v) => v as Json[]),
      opinions: jsonRows(
        of(sql`'row', to_jsonb(${proposalUnitOpinions}), 'fromName', ${units.name}`),
        sql`from ${proposalUnitOpinions} join ${units} on ${units.id} = ${proposalUnitOpinions.fromUnitId} ${where(proposalUnitOpinions.proposalId)}`,
        sql`${proposalUnitOpinions.id}`,
      ).mapWith((v) => v as Json[]),
      evaluations: jsonRows(
        sql`to_jsonb(${proposalEvaluations})`,
        sql`from ${proposalEvaluations} ${where(proposalEvaluations.proposalId)}`,
        sql`${proposalEvaluations.id}`,
      ).mapWith((v) => v as Json[]),
      supervisors: jsonRows(
        of(sql`'userId', ${proposalSupervisions.leaderUserId}, 'name', ${users.displayName}`),
        sql`from ${proposalSupervisions} join ${users} on ${users.id} = ${proposalSupervisions.leaderUserId} ${where(proposalSupervisions.proposalId)}`,
        sql`${proposalSupervisions.id}`,
      ).mapWith((v) => v as Json[]),
      logs: jsonRows(
        of(sql`'row', to_jsonb(${proposalSupervisionLogs}), 'author', ${users.displayName}`),
        sql`from ${proposalSupervisionLogs} join ${users} on ${users.id} = ${proposalSupervisionLogs.authorUserId} ${where(proposalSupervisionLogs.proposalId)}`,
        sql`${proposalSupervisionLogs.occurredOn}, ${proposalSupervisionLogs.id}`,
      ).mapWith((v) => v as Json[]),
      followups: jsonRows(
        sql`to_jsonb(${proposalFollowups})`,
        sql`from ${proposalFollowups} ${where(proposalFollowups.proposalId)}`,
        sql`${proposalFollowups.id}`,
      ).mapWith((v) => v as Json[]),
      timeline: jsonRows(
        sql`to_jsonb(${timelineEvents})`,
        sql`from ${timelineEvents} where ${timelineEvents.committeeId} = ${proposals.committeeId} and ${timelineEvents.recordType} = 'proposal' and ${timelineEvents.recordId} = ${proposals.id}`,
        sql`${timelineEvents.id}`,
      ).mapWith((v) => v as Json[]),
      // Every file the proposal refers to anywhere; the presenter keeps those the viewer sees.
      files: jsonRows(
        of(sql`'id', ${attachments.id}, 'fileName', ${attachments.fileName}, 'size', ${attachments.size}`),
        sql`from ${attachments} where ${attachments.committeeId} = ${proposals.committeeId} and ${attachments.id} in (
          select unnest(${proposals.attachmentIds})
          union all select unnest(${proposalAnswers.attachmentIds}) from ${proposalAnswers} ${where(proposalAnswers.proposalId)}
          union all select unnest(${proposalUnitOpinions.attachmentIds}) from ${proposalUnitOpinions} ${where(proposalUnitOpinions.proposalId)})`,
        sql`${attachments.id}`,
      ).mapWith((v) => v as Json[]),
    })
    .from(proposals)
    .where(
      and(
        eq(proposals.id, sql.placeholder('proposalId')),
        eq(proposals.committeeId, sql.placeholder('committeeId')),
      ),
    )
    .prepare('load_proposal_detail');

// Prepared once per pool (lib/prepared.ts).
const detailQueryOf = preparedPerDatabase(prepareDetailQuery);

type DetailRow = Awaited<ReturnType<ReturnType<typeof prepareDetailQuery>['execute']>>[number];

function fromDetailRow(found: DetailRow) {
  const row: ProposalRow = found.proposal;
  const people = found.people.map((p) => ({
    pp: rowFromJson(proposalProposers, p.row as Json),
    name: p.name as string,
    sector: p.sector as string,
    phone: p.phone as string | null,
    employer: p.employer as string | null,
  }));
  const slots = found.slots.map((s) => ({
    s: rowFromJson(proposalUnits, s.row as Json),
    name: s.name as string,
  }));
  const supervisors = found.supervisors.map((s) => ({ userId: s.userId as number, name: s.name as string }));
  const access = buildAccess([row], {
    people: people.map(({ pp }) => pp),
    slots: slots.map(({ s }) => s).filter((s) => s.active),
    supervisors: supervisors.map((s) => ({ proposalId: row.id, leaderUserId: s.userId })),
  }).get(row.id)!;
  return {
    row,
    access,
    settings: mergeSettings(found.settings),
    session: found.session as { id: number; name: string } | null,
    organisation: found.organisation as { id: number; name: string; kind: string } | null,
    people,
    slots,
    suggested: found.suggested as { id: number; name: string }[],
    answers: found.answers.map((a) => ({
      ans: rowFromJson(proposalAnswers, a.row as Json),
      unitName: a.unitName as string,
    })),
    ratings: found.ratings.map((r) => ({
      r: rowFromJson(proposalRatings, r.row as Json),
      name: r.name as string,
    })),
    opinions: found.opinions.map((o) => ({
      o: rowFromJson(proposalUnitOpinions, o.row as Json),
      fromName: o.fromName as string,
    })),
    evaluations: found.evaluations.map((e) => rowFromJson(proposalEvaluations, e)),
    supervisors,
    logs: found.logs.map((l) => ({
      l: rowFromJson(proposalSupervisionLogs, l.row as Json),
      author: l.author as string,
    })),
    followups: found.followups.map((f) => rowFromJson(proposalFollowups, f)),
    timeline: found.timeline.map((t) => rowFromJson(timelineEvents, t)),
    files: found.files as { id: number; fileName: string; size: number }[],
  };
}

export type ProposalDetailData = ReturnType<typeof fromDetailRow>;

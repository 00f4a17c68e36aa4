import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { OpinionLevel } from '@cppcc/shared';
import {
  attachments,
  committees,
  members,
  opinionCoauthors,
  opinionForwardings,
  opinionInstructions,
  opinionIssueArticles,
  opinionIssues,
  opinionLedger,
  opinionVersions,
  opinions,
  organisationProposers,
  proposals,
  timelineEvents,
  units,
  users,
} from '../../db/schema';
import type { DbOrTx } from '../../db/client';
import { jsonRows, outer, rowFromJson } from '../../lib/json-rows';
import { buildAccess, type OpinionRow } from './access';

type Json = Record<string, unknown>;
const of = (fields: SQL) => sql`jsonb_build_object(${fields})`;
const where = (opinionIdColumn: AnyPgColumn) => sql`where ${opinionIdColumn} = ${outer(opinions.id)}`;
const asRows = (v: unknown) => v as Json[];

/** The names credited on an opinion: its member author, then the co-authors who confirmed. */
export const authorNames = (opinionId: SQL) => sql`(
  select coalesce(jsonb_agg(name order by ord), '[]'::jsonb) from (
    select m.name, 0 as ord from ${opinions} o join ${members} m on m.id = o.lead_member_id where o.id = ${opinionId}
    union all
    select m.name, c.sort_order from ${opinionCoauthors} c join ${members} m on m.id = c.member_id
      where c.opinion_id = ${opinionId} and c.status = 'confirmed') names)`;

/**
 * Everything the detail of one opinion shows, read in one round trip: the opinion with each relation as
 * a JSON column; the access facts come from the same rows. A report's origin (the child committee and
 * the authors there) is read through the record's own link, never by another committee's id.
 */
export async function loadOpinionDetail(db: DbOrTx, committeeId: number, opinionId: number) {
  const [found] = await db
    .select({
      opinion: opinions,
      organisation: sql<
        string | null
      >`(select ${organisationProposers.name} from ${organisationProposers} where ${organisationProposers.id} = ${outer(opinions.organisationProposerId)})`,
      submitterName: sql<string>`(select ${users.displayName} from ${users} where ${users.id} = ${outer(opinions.submittedBy)})`,
      leadName: sql<
        string | null
      >`(select ${members.name} from ${members} where ${members.id} = ${outer(opinions.leadMemberId)})`,
      coauthors: jsonRows(
        of(
          sql`'memberId', ${opinionCoauthors.memberId}, 'status', ${opinionCoauthors.status}, 'name', ${members.name}`,
        ),
        sql`from ${opinionCoauthors} join ${members} on ${members.id} = ${opinionCoauthors.memberId} ${where(opinionCoauthors.opinionId)}`,
        sql`${opinionCoauthors.sortOrder}, ${opinionCoauthors.id}`,
      ).mapWith(asRows),
      combinedInto: sql<Json | null>`(select jsonb_build_object('id', c.id, 'title', coalesce(c.edited_title, c.title)) from ${opinions} c where c.id = ${outer(opinions.combinedIntoId)} and c.committee_id = ${outer(opinions.committeeId)})`,
      combinedFrom: sql<
        Json[]
      >`(select coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'title', c.title, 'authors', ${authorNames(sql`c.id`)}) order by c.id), '[]'::jsonb) from ${opinions} c where c.combined_into_id = ${outer(opinions.id)} and c.committee_id = ${outer(opinions.committeeId)})`,
      // Down the report chain to the article first written: its committee and authors.
      origin: sql<Json | null>`(with recursive chain as (
          select s.id, s.committee_id, s.source_opinion_id, s.source_committee_id, 1 as depth from ${opinions} s
            where s.id = ${outer(opinions.sourceOpinionId)} and s.committee_id = ${outer(opinions.sourceCommitteeId)}
          union all
          select s.id, s.committee_id, s.source_opinion_id, s.source_committee_id, chain.depth + 1 from ${opinions} s
            join chain on s.id = chain.source_opinion_id and s.committee_id = chain.source_committee_id)
        select jsonb_build_object('authors', ${authorNames(sql`chain.id`)}, 'committeeName', (select name from ${committees} where id = ${outer(opinions.sourceCommitteeId)}))
          from chain order by depth desc limit 1)`,
      sourceProposal: sql<Json | null>`(select jsonb_build_object('id', ${proposals.id}, 'title', ${proposals.title}) from ${proposals} where ${proposals.id} = ${outer(opinions.sourceProposalId)} and ${proposals.committeeId} = ${outer(opinions.committeeId)})`,
      versions: jsonRows(
        sql`to_jsonb(${opinionVersions})`,
        sql`from ${opinionVersions} ${where(opinionVersions.opinionId)}`,
        sql`${opinionVersions.number}`,
      ).mapWith(asRows),
      ledger: jsonRows(
        of(
          sql`'row', to_jsonb(${opinionLedger}), 'committeeName', (select name from ${committees} where id = ${opinionLedger.atCommitteeId})`,
        ),
        sql`from ${opinionLedger} ${where(opinionLedger.opinionId)}`,
        sql`${opinionLedger.occurredAt}, ${opinionLedger.id}`,
      ).mapWith(asRows),
      instructions: jsonRows(
        of(
          sql`'row', to_jsonb(${opinionInstructions}), 'unitName', (select name from ${units} where id = ${opinionInstructions.unitId})`,
        ),
        sql`from ${opinionInstructions} ${where(opinionInstructions.opinionId)}`,
        sql`${opinionInstructions.instructedOn}, ${opinionInstructions.id}`,
      ).mapWith(asRows),
      forwardings: jsonRows(
        of(sql`'row', to_jsonb(${opinionForwardings}), 'unitName', ${units.name}`),
        sql`from ${opinionForwardings} join ${units} on ${units.id} = ${opinionForwardings.unitId} ${where(opinionForwardings.opinionId)}`,
        sql`${opinionForwardings.id}`,
      ).mapWith(asRows),
      issues: jsonRows(
        sql`to_jsonb(${opinionIssues})`,
        sql`from ${opinionIssues} join ${opinionIssueArticles} on ${opinionIssueArticles.issueId} = ${outer(opinionIssues.id)} ${where(opinionIssueArticles.opinionId)}`,
        sql`${outer(opinionIssues.id)}`,
      ).mapWith(asRows),
      parentLevel: sql<OpinionLevel | null>`(select p.level from ${committees} c join ${committees} p on p.id = c.parent_id where c.id = ${outer(opinions.committeeId)})`,
      timeline: jsonRows(
        sql`to_jsonb(${timelineEvents})`,
        sql`from ${timelineEvents} where ${timelineEvents.committeeId} = ${outer(opinions.committeeId)} and ${timelineEvents.recordType} = 'opinion' and ${timelineEvents.recordId} = ${outer(opinions.id)}`,
        sql`${timelineEvents.id}`,
      ).mapWith(asRows),
      files: jsonRows(
        of(sql`'id', ${attachments.id}, 'fileName', ${attachments.fileName}, 'size', ${attachments.size}`),
        sql`from ${attachments} where ${attachments.committeeId} = ${outer(opinions.committeeId)} and ${attachments.id} in (
          select unnest(${outer(opinions.attachmentIds)})
          union all select unnest(${opinionInstructions.attachmentIds}) from ${opinionInstructions} ${where(opinionInstructions.opinionId)}
          union all select unnest(${opinionForwardings.answerAttachmentIds}) from ${opinionForwardings} ${where(opinionForwardings.opinionId)})`,
        sql`${attachments.id}`,
      ).mapWith(asRows),
    })
    .from(opinions)
    .where(and(eq(opinions.id, opinionId), eq(opinions.committeeId, committeeId)));
  if (!found) return null;
  const row: OpinionRow = found.opinion;
  const coauthors = found.coauthors.map((c) => ({
    opinionId: row.id,
    memberId: c.memberId as number,
    status: c.status as 'invited' | 'confirmed' | 'declined',
    name: c.name as string,
  }));
  const forwardings = found.forwardings.map((f) => ({
    f: rowFromJson(opinionForwardings, f.row as Json),
    unitName: f.unitName as string,
  }));
  const instructions = found.instructions.map((i) => ({
    i: rowFromJson(opinionInstructions, i.row as Json),
    unitName: i.unitName as string | null,
  }));
  const access = buildAccess([row], {
    coauthors,
    forwardings: forwardings.filter(({ f }) => f.state !== 'returned').map(({ f }) => f),
    instructions: instructions.map(({ i }) => i),
  }).get(row.id)!;
  return {
    row,
    access,
    organisation: found.organisation,
    submitterName: found.submitterName,
    leadName: found.leadName,
    coauthors,
    combinedInto: found.combinedInto as { id: number; title: string } | null,
    combinedFrom: found.combinedFrom as { id: number; title: string; authors: string[] }[],
    origin: found.origin as { authors: string[]; committeeName: string } | null,
    sourceProposal: found.sourceProposal as { id: number; title: string } | null,
    versions: found.versions.map((v) => rowFromJson(opinionVersions, v)),
    ledger: found.ledger.map((l) => ({
      l: rowFromJson(opinionLedger, l.row as Json),
      committeeName: (l.committeeName as string | null) ?? '全国政协',
    })),
    instructions,
    forwardings,
    issues: found.issues.map((i) => rowFromJson(opinionIssues, i)),
    parentLevel: found.parentLevel,
    timeline: found.timeline.map((t) => rowFromJson(timelineEvents, t)),
    files: found.files as { id: number; fileName: string; size: number }[],
  };
}

export type OpinionDetailData = NonNullable<Awaited<ReturnType<typeof loadOpinionDetail>>>;

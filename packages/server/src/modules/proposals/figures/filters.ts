import { and, eq, gt, ne, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import {
  parseSatisfactionFilter,
  proposalStages,
  satisfactionLevels,
  type FigureFilter,
  type SatisfactionBasis,
} from '@cppcc/shared';
import type { DbOrTx } from '../../../db/client';
import { proposalUnits } from '../../../db/schema';
import type { Actor } from '../../../lib/actor';
import { likePattern } from '../../../lib/list';
import { can, collectionOf } from '../../../lib/policy';

const stateList = (states: readonly string[]) =>
  sql.join(
    states.map((s) => sql`${s}`),
    sql`, `,
  );

/** The year a proposal counts in: the year it was submitted, in the committee's time zone. */
const submittedYear = (timeZone: string) =>
  sql`extract(year from p.submitted_at at time zone ${timeZone})::int`;

/**
 * A unit slot is overdue when it is still active, not answered, past its deadline,
 * and the proposal is with the units.
 */
export const overdueSlot = (now: Date) =>
  sql`pu.active and pu.status <> 'answered' and pu.deadline < ${now.toISOString()}::timestamptz and p.state in (${stateList(proposalStages.handling)})`;

/** When the next open unit slot of the committee passes its deadline: an overdue figure changes then. */
export async function nextDeadline(db: DbOrTx, committeeId: number, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<string | null>`min(${proposalUnits.deadline})` })
    .from(proposalUnits)
    .where(
      and(
        eq(proposalUnits.committeeId, committeeId),
        eq(proposalUnits.active, true),
        ne(proposalUnits.status, 'answered'),
        gt(proposalUnits.deadline, now),
      ),
    );
  return row?.at ? new Date(row.at) : null;
}

/**
 * Whose ratings: a committee's (for totals), narrowed by conditions over its proposals `p` when given
 * (read in the same join, so the proposals are read once), or one proposal's (a lateral join, row by row).
 */
export type RatingScope = { committeeId: number; where?: SQL } | { proposalId: SQL | AnyColumn };

/**
 * The latest rating of each proposer for each unit's answer (a re-handled proposal is rated again);
 * columns: proposal_id, unit_id, member_id, satisfaction, and rank (不满意 1, 基本满意 2, 满意 3). With
 * `leadOnly`, only the lead proposers' (the same rows as filtering afterwards: the member is in the key).
 */
export const latestRatings = (of: RatingScope, leadOnly = false) => sql`(
  select distinct on (r.proposal_id, a.unit_id, r.member_id) r.proposal_id, a.unit_id, r.member_id, r.satisfaction,
    case r.satisfaction when 'satisfied' then 3 when 'basicallySatisfied' then 2 else 1 end as rank
  from proposal_ratings r join proposal_answers a on a.id = r.answer_id join proposals p on p.id = r.proposal_id
  where ${'committeeId' in of ? sql`r.committee_id = ${of.committeeId}${of.where ? sql` and ${of.where}` : sql``}` : sql`r.proposal_id = ${of.proposalId}`}
    ${leadOnly ? sql`and r.member_id = p.lead_member_id` : sql``}
  order by r.proposal_id, a.unit_id, r.member_id, a.round desc, r.id desc
)`;

const rankOf = (level: (typeof satisfactionLevels)[number]) => 3 - satisfactionLevels.indexOf(level);

/** The level of a rank as `latestRatings` and `ratingRows` give it (3 满意 … 1 不满意). */
export const levelOfRank = (rank: number): (typeof satisfactionLevels)[number] | undefined =>
  satisfactionLevels[3 - rank];

/** The ranks of a satisfaction filter (`satisfied,basicallySatisfied`), as SQL list items. */
export const satisfactionRanks = (filter: string) =>
  sql.join(
    parseSatisfactionFilter(filter).map((level) => sql`${rankOf(level)}`),
    sql`, `,
  );

/**
 * The ratings a satisfaction figure counts, one row per counted rating (columns proposal_id, unit_id,
 * member_id, rank): per proposal (件) the lead proposer's rating (`lead`) or the lowest of its proposers'
 * (`lowest`), member_id then null; per proposer (人次) each proposer's own. With `unitId`, only ratings of
 * that unit's answers and unit_id is that unit; without, a rating over several units' answers (分办) is the
 * lowest, unit_id null. Scoped to one proposal (`of.proposalId`, a column of the outer query) it is read
 * through the ratings' proposal index, for a list that joins it laterally. Proposers who joined through 并案
 * rate the main proposal's answer: under `lead` they never move a figure, under `lowest` they can lower the
 * one proposal, under `proposer` each is a 人次.
 */
export function ratingRows(basis: SatisfactionBasis, of: RatingScope, unitId?: number | 'each'): SQL {
  const byUnit = unitId !== undefined;
  const rated = sql`(select lr.* from ${latestRatings(of, basis === 'lead')} lr
    ${typeof unitId === 'number' ? sql`where lr.unit_id = ${unitId}` : sql``})`;
  const unitColumn = byUnit ? sql`x.unit_id` : sql`null::int`;
  const keys = [sql`x.proposal_id`, ...(byUnit ? [sql`x.unit_id`] : [])];
  if (basis === 'proposer') keys.push(sql`x.member_id`);
  return sql`(select x.proposal_id, ${unitColumn} as unit_id,
      ${basis === 'proposer' ? sql`x.member_id` : sql`null::int`} as member_id, min(x.rank) as rank
    from ${rated} x group by ${sql.join(keys, sql`, `)})`;
}

/**
 * `proposals p`, joined to the ratings a satisfaction filter counts when it has one (one row per 件 or
 * per 人次), with the WHERE conditions of the filter: `select count(*) from ${filteredRows(…)}` is the
 * figure behind the filter, as the list counts it.
 */
export function filteredRows(
  actor: Actor,
  filter: FigureFilter & { q?: string },
  settings: { satisfactionBasis: SatisfactionBasis; timeZone: string },
  now = new Date(),
): SQL {
  const basis = settings.satisfactionBasis;
  const where = proposalConditions(actor, filter, settings.timeZone, now);
  if (!filter.satisfaction) return sql`proposals p where ${where}`;
  return sql`proposals p join ${ratingRows(filter.satisfactionBasis ?? basis, { committeeId: actor.committeeId }, filter.unitId)} sr
    on sr.proposal_id = p.id and sr.rank in (${satisfactionRanks(filter.satisfaction)}) where ${where}`;
}

/** Key proposals the actor supervises (领衔督办): all a party or government leader's figures and lists cover. */
export const supervisedKey = (actor: Actor) =>
  sql`p.key_status <> 'none' and exists (select 1 from proposal_supervisions ps where ps.proposal_id = p.id and ps.leader_user_id = ${actor.userId})`;

/** Whether the actor sees the committee's figures, or only those of the key proposals they supervise. */
export function figureReach(actor: Actor): 'committee' | 'supervised' | null {
  const scope = collectionOf(actor);
  if (can(actor, 'overview', 'proposals', scope)) return 'committee';
  if (can(actor, 'superviseKey', 'proposals', scope)) return 'supervised';
  return null;
}

/**
 * WHERE conditions over `proposals p` for a list filter, scoped to the actor's committee. Views narrow to
 * the actor's own proposals, invitations, unit or queues; drafts are only ever visible to their proposers.
 */
export function proposalConditions(
  actor: Actor,
  filter: FigureFilter & { q?: string },
  timeZone: string,
  now = new Date(),
): SQL {
  const where: SQL[] = [sql`p.committee_id = ${actor.committeeId}`];
  const memberId = actor.memberId ?? -1;
  const unitId = actor.unitId ?? -1;
  // Someone who is no member proposes nothing; leaving the test out keeps a count on the figures index.
  const isProposer =
    actor.memberId === null
      ? sql`false`
      : sql`(p.lead_member_id = ${memberId} or exists (select 1 from proposal_proposers pp where pp.proposal_id = p.id and pp.member_id = ${memberId} and pp.status = 'confirmed'))`;
  switch (filter.view ?? 'all') {
    case 'mine':
      where.push(isProposer);
      break;
    case 'cosign':
      where.push(
        sql`exists (select 1 from proposal_proposers pp where pp.proposal_id = p.id and pp.member_id = ${memberId} and pp.status = 'invited')`,
      );
      break;
    case 'review':
      where.push(sql`p.state in (${stateList(proposalStages.pendingReview)})`);
      break;
    case 'unit':
      where.push(
        sql`exists (select 1 from proposal_units pu where pu.proposal_id = p.id and pu.unit_id = ${unitId} and pu.active)`,
      );
      break;
    case 'overdue':
      where.push(
        sql`exists (select 1 from proposal_units pu where pu.proposal_id = p.id and ${overdueSlot(now)})`,
      );
      if (figureReach(actor) === 'supervised') where.push(supervisedKey(actor));
      break;
    case 'key':
      where.push(figureReach(actor) === 'supervised' ? supervisedKey(actor) : sql`p.key_status <> 'none'`);
      break;
    case 'all':
      break;
  }
  if (filter.view !== 'mine' && filter.view !== 'cosign') {
    where.push(sql`(p.state not in ('draft', 'cosigning') or ${isProposer})`);
  }
  if (filter.state) where.push(sql`p.state = ${filter.state}`);
  if (filter.stage) where.push(sql`p.state in (${stateList(proposalStages[filter.stage])})`);
  if (filter.sessionId) where.push(sql`p.session_id = ${filter.sessionId}`);
  if (filter.year) where.push(sql`${submittedYear(timeZone)} = ${filter.year}`);
  if (filter.category) where.push(sql`p.category = ${filter.category}`);
  if (filter.kind) where.push(sql`p.kind = ${filter.kind}`);
  if (filter.answerCategory) where.push(sql`p.answer_category = ${filter.answerCategory}`);
  if (filter.unitId) {
    where.push(
      sql`exists (select 1 from proposal_units pu where pu.proposal_id = p.id and pu.unit_id = ${filter.unitId} and pu.active)`,
    );
  }
  if (filter.sectorId) {
    where.push(
      sql`exists (select 1 from members m where m.id = p.lead_member_id and m.sector_id = ${filter.sectorId})`,
    );
  }
  if (filter.keyStatus) where.push(sql`p.key_status = ${filter.keyStatus}`);
  if (filter.excellentStatus) where.push(sql`p.excellent_status = ${filter.excellentStatus}`);
  if (filter.q) where.push(sql`p.title ilike ${likePattern(filter.q)}`);
  return sql.join(where, sql` and `);
}

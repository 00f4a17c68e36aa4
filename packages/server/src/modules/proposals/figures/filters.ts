import { sql, type SQL } from 'drizzle-orm';
import { proposalStages, type FigureFilter } from '@cppcc/shared';
import type { Actor } from '../../../lib/actor';
import { likePattern } from '../../../lib/list';

const stateList = (states: readonly string[]) =>
  sql.join(
    states.map((s) => sql`${s}`),
    sql`, `,
  );

/** The year a proposal counts in: the year it was submitted, in China's time zone. */
export const submittedYear = sql`extract(year from p.submitted_at at time zone 'Asia/Shanghai')::int`;

/**
 * A unit slot is overdue when it is still active, not answered, past its deadline,
 * and the proposal is with the units.
 */
export const overdueSlot = (now: Date) =>
  sql`pu.active and pu.status <> 'answered' and pu.deadline < ${now.toISOString()}::timestamptz and p.state in (${stateList(proposalStages.handling)})`;

/**
 * The latest rating of each proposer for each unit's answer (a re-handled proposal is rated again);
 * columns: proposal_id, unit_id, member_id, satisfaction.
 */
export const latestRatings = sql`(
  select distinct on (r.proposal_id, a.unit_id, r.member_id) r.proposal_id, a.unit_id, r.member_id, r.satisfaction
  from proposal_ratings r join proposal_answers a on a.id = r.answer_id
  order by r.proposal_id, a.unit_id, r.member_id, a.round desc, r.id desc
)`;

/**
 * WHERE conditions over `proposals p` for a list filter, scoped to the actor's committee. Views narrow to
 * the actor's own proposals, invitations, unit or queues; drafts are only ever visible to their proposers.
 */
export function proposalConditions(
  actor: Actor,
  filter: FigureFilter & { q?: string },
  now = new Date(),
): SQL {
  const where: SQL[] = [sql`p.committee_id = ${actor.committeeId}`];
  const memberId = actor.memberId ?? -1;
  const unitId = actor.unitId ?? -1;
  const isProposer = sql`(p.lead_member_id = ${memberId} or exists (select 1 from proposal_proposers pp where pp.proposal_id = p.id and pp.member_id = ${memberId} and pp.status = 'confirmed'))`;
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
      break;
    case 'key':
      where.push(sql`p.key_status <> 'none'`);
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
  if (filter.year) where.push(sql`${submittedYear} = ${filter.year}`);
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
  if (filter.satisfaction) {
    where.push(
      sql`exists (select 1 from ${latestRatings} lr where lr.proposal_id = p.id and lr.satisfaction = ${filter.satisfaction})`,
    );
  }
  if (filter.keyStatus) where.push(sql`p.key_status = ${filter.keyStatus}`);
  if (filter.excellentStatus) where.push(sql`p.excellent_status = ${filter.excellentStatus}`);
  if (filter.q) where.push(sql`p.title ilike ${likePattern(filter.q)}`);
  return sql.join(where, sql` and `);
}

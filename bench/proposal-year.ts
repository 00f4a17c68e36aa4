/**
 * A committee's year of proposals at any size, for the benchmarks: 250 members in ten sectors, 60 units,
 * one session, and proposals added in a handful of SQL statements with unit slots, answers, ratings and
 * key proposals in the proportions of a real year.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../packages/server/src/db/client';
import { getSettings } from '../packages/server/src/lib/settings';
import { crowdOfMembers } from '../packages/server/test/crowd';
import {
  buildCommittee,
  buildPlenarySession,
  buildSector,
  buildTerm,
  buildUnit,
  buildUser,
} from '../packages/server/test/factories';
import { textsOfTheEvaluationSet } from './measure';

const titles = textsOfTheEvaluationSet().map((t) => t.title.replace(/的建议$/, '的提案'));

export interface ProposalYear {
  committeeId: number;
  sessionId: number;
  memberIds: number[];
  sectorIds: number[];
  unitIds: number[];
  categories: string[];
  /** A party leader who supervises every key proposal. */
  userId: number;
}

export async function buildProposalYear(db: Db): Promise<ProposalYear> {
  const committee = await buildCommittee(db);
  const term = await buildTerm(db, committee.id);
  const sectors = await Promise.all(Array.from({ length: 10 }, () => buildSector(db, committee.id)));
  const sectorIds = sectors.map((x) => x.id);
  const { memberIds } = await crowdOfMembers(db, committee.id, term.id, sectorIds[0]!, 250);
  // Ten sectors of 25 members each.
  await db.execute(
    sql`update members set sector_id = (${`{${sectorIds.join(',')}}`}::int[])[1 + id % 10] where committee_id = ${committee.id}`,
  );
  const unitIds: number[] = [];
  for (let i = 0; i < 60; i++) unitIds.push((await buildUnit(db, committee.id)).id);
  const session = await buildPlenarySession(db, committee.id);
  const leader = await buildUser(db, committee.id, ['partyLeader']);
  const { proposalCategories } = await getSettings(db, committee.id);
  return {
    committeeId: committee.id,
    sessionId: session.id,
    memberIds,
    sectorIds,
    unitIds,
    categories: proposalCategories,
    userId: leader.id,
  };
}

/**
 * Adds proposals `from`..`to` (1-based) to the session in a handful of statements. The state of the
 * n-th proposal follows a fixed cycle of 100 so that every size has the same proportions.
 */
export async function addProposals(db: Db, world: ProposalYear, from: number, to: number) {
  const categories = world.categories;
  // Of every 100: 2 submitted, 1 reviewing, 6 rejected, 6 merged, 2 accepted, 18 with the units,
  // 15 answered, 50 closed.
  const stateOf = sql`case
    when g % 100 < 2 then 'submitted' when g % 100 < 3 then 'reviewing' when g % 100 < 9 then 'rejected'
    when g % 100 < 15 then 'merged' when g % 100 < 17 then 'accepted' when g % 100 < 35 then 'assigned'
    when g % 100 < 50 then 'answered' else 'closed' end`;
  const members = `{${world.memberIds.join(',')}}`;
  const units = `{${world.unitIds.join(',')}}`;
  const titleList = `{${titles.map((x) => `"${x.replace(/"/g, '')}"`).join(',')}}`;
  const categoryList = `{${categories.map((c) => `"${c}"`).join(',')}}`;
  // A year of submissions: the n-th proposal on day n mod 365 of 2024, updated some days later.
  await db.execute(sql`
    insert into proposals (committee_id, session_id, kind, number, title, category, content, state,
      lead_member_id, created_by, key_status, answer_category, submitted_at, accepted_at, assigned_at,
      deadline, answered_at, closed_at, created_at, updated_at)
    select ${world.committeeId}, ${world.sessionId}, case when g % 10 < 7 then 'session' else 'regular' end,
      case when ${stateOf} in ('submitted', 'reviewing', 'rejected', 'merged') then null else g end,
      (${titleList}::text[])[1 + g % ${titles.length}] || '（' || g || '）',
      (${categoryList}::text[])[1 + g % ${categories.length}],
      '提案正文' || g, ${stateOf},
      (${members}::int[])[1 + g % ${world.memberIds.length}], ${world.userId},
      case when g % 97 = 0 and ${stateOf} not in ('submitted', 'reviewing', 'rejected', 'merged') then 'approved' else 'none' end,
      case when ${stateOf} in ('answered', 'closed') then (array['A','A','B','C'])[1 + g % 4] end,
      d, d + interval '20 days', d + interval '30 days', d + interval '120 days', d + interval '80 days',
      case when ${stateOf} = 'closed' then d + interval '100 days' end, d, d + (g % 200) * interval '1 day'
    from generate_series(${from}::int, ${to}::int) g,
      lateral (select timestamptz '2024-01-01 09:00+08' + (g % 365) * interval '1 day' + (g % 480) * interval '1 minute' as d) day
  `);
  // Fresh statistics before each statement that joins what the last one wrote: without them the
  // planner takes the new rows for a handful and loops over them.
  await db.execute(sql`analyze proposals`);
  const added = sql`p.committee_id = ${world.committeeId} and p.number between ${from} and ${to}`;
  // 主办 for every accepted one, a 协办 for a third; answered once they are answered or closed.
  // Of those with the units, one in six is past its deadline.
  await db.execute(sql`
    insert into proposal_units (committee_id, proposal_id, unit_id, role, status, assigned_at,
      acknowledge_by, deadline)
    select p.committee_id, p.id, (${units}::int[])[1 + p.number % ${world.unitIds.length}], 'lead',
      case when p.state in ('answered', 'closed') then 'answered' when p.state = 'assigned' then 'acknowledged' else 'assigned' end,
      p.assigned_at, p.assigned_at + interval '5 days',
      case when p.state = 'assigned' and p.number % 6 = 0 then now() - interval '3 days' else p.deadline end
    from proposals p where ${added} and p.state in ('accepted', 'assigned', 'answered', 'closed')
    union all
    select p.committee_id, p.id, (${units}::int[])[1 + (p.number + 7) % ${world.unitIds.length}], 'co',
      case when p.state in ('answered', 'closed') then 'answered' else 'acknowledged' end,
      p.assigned_at, p.assigned_at + interval '5 days', p.deadline
    from proposals p where ${added} and p.state in ('assigned', 'answered', 'closed') and p.number % 3 = 0
  `);
  await db.execute(sql`analyze proposal_units`);
  await db.execute(sql`
    insert into proposal_answers (committee_id, proposal_id, unit_id, category, text, contact_person,
      contact_phone, state, drafted_by, sent_at)
    select pu.committee_id, pu.proposal_id, pu.unit_id, p.answer_category, '答复正文', '联系人', '0571-88000000',
      'approved', ${world.userId}, p.answered_at
    from proposal_units pu join proposals p on p.id = pu.proposal_id
    where ${added} and pu.role = 'lead' and p.state in ('answered', 'closed')
  `);
  await db.execute(sql`analyze proposal_answers`);
  // Every closed proposal rated by its lead proposer: 93 % 满意, 6 % 基本满意, 1 % 不满意.
  await db.execute(sql`
    insert into proposal_ratings (committee_id, proposal_id, answer_id, member_id, satisfaction, attitude, relevance)
    select a.committee_id, a.proposal_id, a.id, p.lead_member_id,
      case when p.number % 100 < 93 then 'satisfied' when p.number % 100 < 99 then 'basicallySatisfied' else 'dissatisfied' end,
      'satisfied', 'targeted'
    from proposal_answers a join proposals p on p.id = a.proposal_id
    where ${added} and p.state = 'closed'
  `);
  await db.execute(sql`
    insert into proposal_supervisions (committee_id, proposal_id, leader_user_id)
    select p.committee_id, p.id, ${world.userId} from proposals p where ${added} and p.key_status = 'approved'
  `);
  for (const table of ['proposals', 'proposal_units', 'proposal_answers', 'proposal_ratings', 'members'])
    await db.execute(sql.raw(`vacuum analyze ${table}`));
}

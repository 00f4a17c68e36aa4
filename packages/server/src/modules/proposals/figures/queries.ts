import { and, eq, sql, type SQL } from 'drizzle-orm';
import {
  formatProposalNumber,
  proposalKindLabels,
  proposalStages,
  proposalStateLabels,
  type FigureFilter,
  type ProposalState,
} from '@cppcc/shared';
import type { DbOrTx } from '../../../db/client';
import { plenarySessions } from '../../../db/schema';
import type { Actor } from '../../../lib/actor';
import { notFound } from '../../../lib/errors';
import { getSettings } from '../../../lib/settings';
import { latestRatings, overdueSlot, proposalConditions } from './filters';

export interface Figure {
  key: string;
  label: string;
  value: number;
  /** The list filter whose result is the records behind the number. */
  filter: FigureFilter;
}

export interface Rate {
  key: string;
  label: string;
  /** numerator ÷ denominator, or null when there is nothing to divide by. */
  value: number | null;
  numerator: number;
  denominator: number;
  filter: FigureFilter;
}

export interface BreakdownRow {
  id: string;
  label: string;
  figures: Figure[];
}

/** One key proposal's progress: where it stands and how much supervision it has had. */
export interface KeyProposalProgress {
  id: number;
  numberLabel: string;
  title: string;
  state: ProposalState;
  stateLabel: string;
  supervisors: string[];
  logCount: number;
  lastLogOn: string | null;
  overdue: boolean;
}

export interface ProposalFigures {
  scope: { sessionId: number | null; year: number | null; label: string };
  totals: Figure[];
  rates: Rate[];
  byUnit: BreakdownRow[];
  bySector: BreakdownRow[];
  byCategory: BreakdownRow[];
  /** 大会提案 and 平时提案. */
  byKind: BreakdownRow[];
  byAnswerCategory: Figure[];
  keyProgress: Figure[];
  keyProposals: KeyProposalProgress[];
}

export interface FigureScope {
  sessionId?: number;
  year?: number;
}

const states = (list: readonly string[]) =>
  sql.join(
    list.map((s) => sql`${s}`),
    sql`, `,
  );
const inStage = (stage: keyof typeof proposalStages) => sql`p.state in (${states(proposalStages[stage])})`;
const num = (v: unknown) => Number(v ?? 0);
const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10000) / 10000);

/** Every figure of a session or a year, computed in SQL from the committee's records. */
export async function proposalFigures(
  db: DbOrTx,
  actor: Actor,
  scope: FigureScope,
  now = new Date(),
): Promise<ProposalFigures> {
  let label = '';
  if (scope.sessionId) {
    const [session] = await db
      .select({ name: plenarySessions.name })
      .from(plenarySessions)
      .where(
        and(eq(plenarySessions.id, scope.sessionId), eq(plenarySessions.committeeId, actor.committeeId)),
      );
    if (!session) throw notFound('会议');
    label = session.name;
  }
  if (scope.year) label = label ? `${label}（${scope.year}年提交）` : `${scope.year}年`;
  const base: FigureFilter = {
    ...(scope.sessionId ? { sessionId: scope.sessionId } : {}),
    ...(scope.year ? { year: scope.year } : {}),
  };
  // Figures count the committee's record, never a viewer's narrowed view.
  const where: SQL = proposalConditions(actor, { ...base, view: 'all' }, now);
  const exec = async <T extends Record<string, unknown>>(query: SQL) => (await db.execute<T>(query)).rows;

  const [counts] = await exec<Record<string, string>>(sql`
    select
      count(*) filter (where ${inStage('submitted')}) as submitted,
      count(*) filter (where ${inStage('accepted')}) as accepted,
      count(*) filter (where p.state = 'merged') as merged,
      count(*) filter (where p.state = 'rejected') as rejected,
      count(*) filter (where ${inStage('answered')}) as answered,
      count(*) filter (where exists (select 1 from proposal_units pu where pu.proposal_id = p.id and ${overdueSlot(now)})) as overdue
    from proposals p where ${where}`);
  const [ratings] = await exec<Record<string, string>>(sql`
    select count(*) as rated,
      count(*) filter (where lr.satisfaction = 'satisfied') as satisfied,
      count(*) filter (where lr.satisfaction = 'basicallySatisfied') as basically,
      count(*) filter (where lr.satisfaction = 'dissatisfied') as dissatisfied
    from ${latestRatings} lr join proposals p on p.id = lr.proposal_id where ${where}`);
  const c = {
    submitted: num(counts?.submitted),
    accepted: num(counts?.accepted),
    merged: num(counts?.merged),
    rejected: num(counts?.rejected),
    answered: num(counts?.answered),
    overdue: num(counts?.overdue),
    rated: num(ratings?.rated),
    satisfied: num(ratings?.satisfied),
    basically: num(ratings?.basically),
    dissatisfied: num(ratings?.dissatisfied),
  };

  const totals: Figure[] = [
    { key: 'submitted', label: '提交提案', value: c.submitted, filter: { ...base, stage: 'submitted' } },
    { key: 'accepted', label: '立案', value: c.accepted, filter: { ...base, stage: 'accepted' } },
    { key: 'merged', label: '并案', value: c.merged, filter: { ...base, state: 'merged' } },
    { key: 'rejected', label: '不予立案', value: c.rejected, filter: { ...base, state: 'rejected' } },
    { key: 'answered', label: '已办复', value: c.answered, filter: { ...base, stage: 'answered' } },
    { key: 'overdue', label: '超期未办复', value: c.overdue, filter: { ...base, view: 'overdue' } },
    { key: 'rated', label: '已评价（人次）', value: c.rated, filter: { ...base, stage: 'answered' } },
    { key: 'satisfied', label: '满意', value: c.satisfied, filter: { ...base, satisfaction: 'satisfied' } },
    {
      key: 'basicallySatisfied',
      label: '基本满意',
      value: c.basically,
      filter: { ...base, satisfaction: 'basicallySatisfied' },
    },
    {
      key: 'dissatisfied',
      label: '不满意',
      value: c.dissatisfied,
      filter: { ...base, satisfaction: 'dissatisfied' },
    },
  ];
  const rates: Rate[] = [
    {
      key: 'answerRate',
      label: '办复率',
      value: ratio(c.answered, c.accepted),
      numerator: c.answered,
      denominator: c.accepted,
      filter: { ...base, stage: 'answered' },
    },
    {
      key: 'satisfactionRate',
      label: '满意率（满意+基本满意）',
      value: ratio(c.satisfied + c.basically, c.rated),
      numerator: c.satisfied + c.basically,
      denominator: c.rated,
      filter: { ...base, stage: 'answered' },
    },
    {
      key: 'fullySatisfiedRate',
      label: '满意率（仅满意）',
      value: ratio(c.satisfied, c.rated),
      numerator: c.satisfied,
      denominator: c.rated,
      filter: { ...base, satisfaction: 'satisfied' },
    },
  ];

  const unitRows = await exec<Record<string, string>>(sql`
    select u.id, u.name,
      count(distinct p.id) as assigned,
      count(distinct p.id) filter (where ${inStage('answered')}) as answered,
      count(distinct p.id) filter (where ${overdueSlot(now)}) as overdue,
      (select count(*) from ${latestRatings} lr join proposals p2 on p2.id = lr.proposal_id
         where lr.unit_id = u.id and p2.id in (select p.id from proposals p where ${where})) as rated,
      (select count(*) from ${latestRatings} lr join proposals p2 on p2.id = lr.proposal_id
         where lr.unit_id = u.id and lr.satisfaction in ('satisfied', 'basicallySatisfied')
         and p2.id in (select p.id from proposals p where ${where})) as content
    from proposal_units pu
    join units u on u.id = pu.unit_id
    join proposals p on p.id = pu.proposal_id
    where pu.active and ${where}
    group by u.id, u.name
    order by count(distinct p.id) desc, u.name`);
  const byUnit: BreakdownRow[] = unitRows.map((r) => {
    const unit = { ...base, unitId: num(r.id) };
    return {
      id: String(r.id),
      label: String(r.name),
      figures: [
        { key: 'assigned', label: '承办', value: num(r.assigned), filter: unit },
        { key: 'answered', label: '已办复', value: num(r.answered), filter: { ...unit, stage: 'answered' } },
        { key: 'overdue', label: '超期', value: num(r.overdue), filter: { ...unit, view: 'overdue' } },
        {
          key: 'rated',
          label: '已评价（人次）',
          value: num(r.rated),
          filter: { ...unit, stage: 'answered' },
        },
        {
          key: 'satisfiedOrBasically',
          label: '满意和基本满意（人次）',
          value: num(r.content),
          filter: { ...unit, stage: 'answered' },
        },
      ],
    };
  });

  const sectorRows = await exec<Record<string, string>>(sql`
    select s.id, s.name,
      count(*) filter (where ${inStage('submitted')}) as submitted,
      count(*) filter (where ${inStage('accepted')}) as accepted
    from proposals p join members m on m.id = p.lead_member_id join sectors s on s.id = m.sector_id
    where ${where} and ${inStage('submitted')}
    group by s.id, s.name, s.sort_order
    order by count(*) desc, s.sort_order`);
  const bySector: BreakdownRow[] = sectorRows.map((r) => {
    const sector = { ...base, sectorId: num(r.id) };
    return {
      id: String(r.id),
      label: String(r.name),
      figures: [
        {
          key: 'submitted',
          label: '提交',
          value: num(r.submitted),
          filter: { ...sector, stage: 'submitted' },
        },
        { key: 'accepted', label: '立案', value: num(r.accepted), filter: { ...sector, stage: 'accepted' } },
      ],
    };
  });

  const settings = await getSettings(db, actor.committeeId);
  const categoryRows = await exec<Record<string, string>>(sql`
    select p.category,
      count(*) filter (where ${inStage('submitted')}) as submitted,
      count(*) filter (where ${inStage('accepted')}) as accepted
    from proposals p where ${where} and ${inStage('submitted')}
    group by p.category`);
  const categoryOrder = (name: string) => {
    const i = settings.proposalCategories.indexOf(name);
    return i === -1 ? settings.proposalCategories.length : i;
  };
  const byCategory: BreakdownRow[] = categoryRows
    .map((r) => String(r.category))
    .sort((a, b) => categoryOrder(a) - categoryOrder(b) || a.localeCompare(b, 'zh'))
    .map((category) => {
      const r = categoryRows.find((x) => x.category === category)!;
      return {
        id: category,
        label: category,
        figures: [
          {
            key: 'submitted',
            label: '提交',
            value: num(r.submitted),
            filter: { ...base, category, stage: 'submitted' },
          },
          {
            key: 'accepted',
            label: '立案',
            value: num(r.accepted),
            filter: { ...base, category, stage: 'accepted' },
          },
        ],
      };
    });

  const kindRows = await exec<Record<string, string>>(sql`
    select p.kind,
      count(*) filter (where ${inStage('submitted')}) as submitted,
      count(*) filter (where ${inStage('accepted')}) as accepted
    from proposals p where ${where} and ${inStage('submitted')} and p.kind is not null
    group by p.kind order by p.kind desc`);
  const byKind: BreakdownRow[] = kindRows.map((r) => {
    const kind = String(r.kind) as keyof typeof proposalKindLabels;
    return {
      id: kind,
      label: proposalKindLabels[kind] ?? kind,
      figures: [
        {
          key: 'submitted',
          label: '提交',
          value: num(r.submitted),
          filter: { ...base, kind, stage: 'submitted' },
        },
        {
          key: 'accepted',
          label: '立案',
          value: num(r.accepted),
          filter: { ...base, kind, stage: 'accepted' },
        },
      ],
    };
  });

  const answerRows = await exec<Record<string, string>>(sql`
    select p.answer_category as code, count(*) as n
    from proposals p where ${where} and ${inStage('answered')} and p.answer_category is not null
    group by p.answer_category order by p.answer_category`);
  const byAnswerCategory: Figure[] = answerRows.map((r) => {
    const code = String(r.code);
    const known = settings.answerCategories.find((c) => c.code === code);
    return {
      key: code,
      label: known ? `${code}类（${known.label}）` : `${code}类`,
      value: num(r.n),
      filter: { ...base, stage: 'answered', answerCategory: code },
    };
  });

  const keyRows = await exec<Record<string, string>>(sql`
    select p.state, count(*) as n from proposals p
    where ${where} and p.key_status = 'approved' group by p.state`);
  const keyOf = (list: readonly string[]) =>
    keyRows.filter((r) => list.includes(String(r.state))).reduce((n, r) => n + num(r.n), 0);
  const keyBase: FigureFilter = { ...base, keyStatus: 'approved' };
  const keyProgress: Figure[] = [
    {
      key: 'total',
      label: '重点提案',
      value: keyOf(proposalStages.accepted),
      filter: { ...keyBase, stage: 'accepted' },
    },
    {
      key: 'answered',
      label: '已办复',
      value: keyOf(proposalStages.answered),
      filter: { ...keyBase, stage: 'answered' },
    },
    { key: 'closed', label: '已办结', value: keyOf(['closed']), filter: { ...keyBase, state: 'closed' } },
    ...(['accepted', 'assigned', 'rehandling'] as ProposalState[]).map((state) => ({
      key: `state:${state}`,
      label: proposalStateLabels[state],
      value: keyOf([state]),
      filter: { ...keyBase, state },
    })),
  ];

  const keyRowsDetail = await exec<Record<string, unknown>>(sql`
    select p.id, p.number, p.title, p.state,
      coalesce((select array_agg(u.display_name order by u.display_name) from proposal_supervisions ps
        join users u on u.id = ps.leader_user_id where ps.proposal_id = p.id), '{}') as supervisors,
      (select count(*) from proposal_supervision_logs l where l.proposal_id = p.id) as logs,
      (select max(l.occurred_on) from proposal_supervision_logs l where l.proposal_id = p.id) as last_log,
      exists (select 1 from proposal_units pu where pu.proposal_id = p.id and ${overdueSlot(now)}) as overdue
    from proposals p
    where ${where} and p.key_status = 'approved' and ${inStage('accepted')}
    order by p.number nulls last, p.id`);
  const keyProposals: KeyProposalProgress[] = keyRowsDetail.map((r) => ({
    id: num(r.id),
    numberLabel: formatProposalNumber(r.number === null ? null : num(r.number)),
    title: String(r.title),
    state: r.state as ProposalState,
    stateLabel: proposalStateLabels[r.state as ProposalState],
    supervisors: (r.supervisors as string[] | null) ?? [],
    logCount: num(r.logs),
    lastLogOn: r.last_log ? new Date(r.last_log as string).toISOString() : null,
    overdue: r.overdue === true || r.overdue === 't',
  }));

  return {
    scope: { sessionId: scope.sessionId ?? null, year: scope.year ?? null, label },
    totals,
    rates,
    byUnit,
    bySector,
    byCategory,
    byKind,
    byAnswerCategory,
    keyProgress,
    keyProposals,
  };
}

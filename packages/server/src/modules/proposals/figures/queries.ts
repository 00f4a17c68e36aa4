import { and, eq, sql, type SQL } from 'drizzle-orm';
import {
  formatProposalNumber,
  proposalKindLabels,
  proposalStages,
  proposalStateLabels,
  satisfactionBasisLabels,
  satisfactionLevels,
  type FigureFilter,
  type FigureUnit,
  type ProposalState,
  type SatisfactionBasis,
} from '@cppcc/shared';
import type { DbOrTx } from '../../../db/client';
import { plenarySessions } from '../../../db/schema';
import type { Actor } from '../../../lib/actor';
import { forbidden, notFound } from '../../../lib/errors';
import { getSettings } from '../../../lib/settings';
import { figureReach, overdueSlot, proposalConditions, ratingRows } from './filters';

export interface Figure {
  key: string;
  label: string;
  value: number;
  unit: FigureUnit;
  /** Satisfaction figures: the basis they count by, and the 已评价 count they are a share of. */
  basis?: SatisfactionBasis;
  denominator?: number;
  /** The list filter whose result is the records behind the number. */
  filter: FigureFilter;
}

export interface Rate extends Omit<Figure, 'value' | 'denominator'> {
  /** numerator ÷ denominator, or null when there is nothing to divide by. */
  value: number | null;
  numerator: number;
  denominator: number;
  /** The list of the records the denominator counts. */
  denominatorFilter: FigureFilter;
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
  scope: { sessionId: number | null; year: number | null; label: string; supervisedOnly: boolean };
  satisfactionBasis: { code: SatisfactionBasis; label: string; unit: FigureUnit };
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

/** 件 for every proposal count; satisfaction counts are in 人次 when the committee counts per proposer. */
const unitOf = (basis: SatisfactionBasis): FigureUnit => (basis === 'proposer' ? '人次' : '件');
const allLevels = satisfactionLevels.join(',');
const contentLevels = 'satisfied,basicallySatisfied';

/**
 * Every figure of a session or a year, computed in SQL from the committee's records. A party or
 * government leader (no overview of the committee) sees the figures of the key proposals they supervise.
 */
export async function proposalFigures(
  db: DbOrTx,
  actor: Actor,
  scope: FigureScope,
  now = new Date(),
): Promise<ProposalFigures> {
  const reach = figureReach(actor);
  if (!reach) throw forbidden('只有提案工作人员、主席会议成员和督办重点提案的党政领导可以查看提案统计');
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
  const settings = await getSettings(db, actor.committeeId);
  const basis = settings.satisfactionBasis;
  const unit = unitOf(basis);
  // Every filter carries its view, so the list a figure opens is the same set of proposals: the committee's
  // record (never a viewer's narrowed view), or for a supervising party leader their key proposals.
  const base: FigureFilter = {
    ...(reach === 'supervised' ? { view: 'key' } : {}),
    ...(scope.sessionId ? { sessionId: scope.sessionId } : {}),
    ...(scope.year ? { year: scope.year } : {}),
  };
  const where: SQL = proposalConditions(actor, { ...base, view: base.view ?? 'all' }, settings.timeZone, now);
  const exec = async <T extends Record<string, unknown>>(query: SQL) => (await db.execute<T>(query)).rows;
  /** A satisfaction filter: the levels counted, by the committee's basis. */
  const rated = (filter: FigureFilter, levels: string): FigureFilter => ({
    ...filter,
    satisfaction: levels,
    satisfactionBasis: basis,
  });

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
      count(*) filter (where sr.rank = 3) as satisfied,
      count(*) filter (where sr.rank = 2) as basically,
      count(*) filter (where sr.rank = 1) as dissatisfied
    from proposals p join ${ratingRows(basis)} sr on sr.proposal_id = p.id where ${where}`);
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

  const count = (key: string, label: string, value: number, filter: FigureFilter): Figure => ({
    key,
    label,
    value,
    unit: '件',
    filter,
  });
  const satisfaction = (key: string, label: string, value: number, denominator: number, levels: string) => ({
    key,
    label,
    value,
    unit,
    basis,
    denominator,
    filter: rated(base, levels),
  });
  const totals: Figure[] = [
    count('submitted', '提交提案', c.submitted, { ...base, stage: 'submitted' }),
    count('accepted', '立案', c.accepted, { ...base, stage: 'accepted' }),
    count('merged', '并案', c.merged, { ...base, state: 'merged' }),
    count('rejected', '不予立案', c.rejected, { ...base, state: 'rejected' }),
    count('answered', '已办复', c.answered, { ...base, stage: 'answered' }),
    count('overdue', '超期未办复', c.overdue, { ...base, view: 'overdue' }),
    satisfaction('rated', '已评价', c.rated, c.rated, allLevels),
    satisfaction('satisfied', '满意', c.satisfied, c.rated, 'satisfied'),
    satisfaction('basicallySatisfied', '基本满意', c.basically, c.rated, 'basicallySatisfied'),
    satisfaction('dissatisfied', '不满意', c.dissatisfied, c.rated, 'dissatisfied'),
  ];
  const share = (
    key: string,
    label: string,
    numerator: number,
    denominator: number,
    filter: FigureFilter,
    denominatorFilter: FigureFilter,
    ofSatisfaction: boolean,
  ): Rate => ({
    key,
    label,
    value: ratio(numerator, denominator),
    numerator,
    denominator,
    unit: ofSatisfaction ? unit : '件',
    ...(ofSatisfaction ? { basis } : {}),
    filter,
    denominatorFilter,
  });
  const rates: Rate[] = [
    share(
      'answerRate',
      '办复率',
      c.answered,
      c.accepted,
      { ...base, stage: 'answered' },
      { ...base, stage: 'accepted' },
      false,
    ),
    share(
      'satisfactionRate',
      '满意率（满意+基本满意）',
      c.satisfied + c.basically,
      c.rated,
      rated(base, contentLevels),
      rated(base, allLevels),
      true,
    ),
    share(
      'fullySatisfiedRate',
      '满意率（仅满意）',
      c.satisfied,
      c.rated,
      rated(base, 'satisfied'),
      rated(base, allLevels),
      true,
    ),
  ];

  const unitRows = await exec<Record<string, string>>(sql`
    select u.id, u.name,
      count(distinct p.id) as assigned,
      count(distinct p.id) filter (where ${inStage('answered')}) as answered,
      count(distinct p.id) filter (where ${overdueSlot(now)}) as overdue
    from proposal_units pu
    join units u on u.id = pu.unit_id
    join proposals p on p.id = pu.proposal_id
    where pu.active and ${where}
    group by u.id, u.name
    order by count(distinct p.id) desc, u.name`);
  // Ratings of each unit's own answers, of proposals the unit holds a slot on (as the list's unit filter).
  const unitRatings = await exec<Record<string, string>>(sql`
    select sr.unit_id, count(*) as rated, count(*) filter (where sr.rank >= 2) as content
    from proposals p join ${ratingRows(basis, 'each')} sr on sr.proposal_id = p.id
    where ${where} and exists (select 1 from proposal_units pu
      where pu.proposal_id = p.id and pu.unit_id = sr.unit_id and pu.active)
    group by sr.unit_id`);
  const byUnit: BreakdownRow[] = unitRows.map((r) => {
    const unitFilter = { ...base, unitId: num(r.id) };
    const ratedHere = unitRatings.find((x) => String(x.unit_id) === String(r.id));
    const ratedCount = num(ratedHere?.rated);
    return {
      id: String(r.id),
      label: String(r.name),
      figures: [
        count('assigned', '承办', num(r.assigned), unitFilter),
        count('answered', '已办复', num(r.answered), { ...unitFilter, stage: 'answered' }),
        count('overdue', '超期', num(r.overdue), { ...unitFilter, view: 'overdue' }),
        {
          key: 'rated',
          label: '已评价',
          value: ratedCount,
          unit,
          basis,
          denominator: ratedCount,
          filter: rated(unitFilter, allLevels),
        },
        {
          key: 'satisfiedOrBasically',
          label: '满意和基本满意',
          value: num(ratedHere?.content),
          unit,
          basis,
          denominator: ratedCount,
          filter: rated(unitFilter, contentLevels),
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
        count('submitted', '提交', num(r.submitted), { ...sector, stage: 'submitted' }),
        count('accepted', '立案', num(r.accepted), { ...sector, stage: 'accepted' }),
      ],
    };
  });

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
          count('submitted', '提交', num(r.submitted), { ...base, category, stage: 'submitted' }),
          count('accepted', '立案', num(r.accepted), { ...base, category, stage: 'accepted' }),
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
        count('submitted', '提交', num(r.submitted), { ...base, kind, stage: 'submitted' }),
        count('accepted', '立案', num(r.accepted), { ...base, kind, stage: 'accepted' }),
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
    return count(code, known ? `${code}类（${known.label}）` : `${code}类`, num(r.n), {
      ...base,
      stage: 'answered',
      answerCategory: code,
    });
  });

  const keyRows = await exec<Record<string, string>>(sql`
    select p.state, count(*) as n from proposals p
    where ${where} and p.key_status = 'approved' group by p.state`);
  const keyOf = (list: readonly string[]) =>
    keyRows.filter((r) => list.includes(String(r.state))).reduce((n, r) => n + num(r.n), 0);
  const keyBase: FigureFilter = { ...base, keyStatus: 'approved' };
  const keyProgress: Figure[] = [
    count('total', '重点提案', keyOf(proposalStages.accepted), { ...keyBase, stage: 'accepted' }),
    count('answered', '已办复', keyOf(proposalStages.answered), { ...keyBase, stage: 'answered' }),
    count('closed', '已办结', keyOf(['closed']), { ...keyBase, state: 'closed' }),
    ...(['accepted', 'assigned', 'rehandling'] as ProposalState[]).map((state) =>
      count(`state:${state}`, proposalStateLabels[state], keyOf([state]), { ...keyBase, state }),
    ),
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
    scope: {
      sessionId: scope.sessionId ?? null,
      year: scope.year ?? null,
      label,
      supervisedOnly: reach === 'supervised',
    },
    satisfactionBasis: { code: basis, label: satisfactionBasisLabels[basis], unit },
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

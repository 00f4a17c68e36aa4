import { and, eq, sql, type SQL } from 'drizzle-orm';
import {
  formatProposalNumber,
  proposalKindLabels,
  proposalStages,
  proposalStateLabels,
  satisfactionBasisLabels,
  satisfactionLevels,
  type FigureFilter,
  type CommitteeSettings,
  type FigureUnit,
  type KeyProposalProgress,
  type Page,
  type ProposalState,
  type SatisfactionBasis,
} from '@cppcc/shared';
import type { DbOrTx } from '../../../db/client';
import { plenarySessions, sectors as sectorsTable } from '../../../db/schema';
import type { Actor } from '../../../lib/actor';
import { forbidden, notFound } from '../../../lib/errors';
import { pageOffset, toPage } from '../../../lib/list';
import { RevisionCache } from '../../../lib/revisions';
import { getSettings } from '../../../lib/settings';
import { figureReach, nextDeadline, overdueSlot, proposalConditions, ratingRows } from './filters';

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

/** Figures computed at a committee's revision; a read at the same revision gets them without a query. */
const computedFigures = new RevisionCache<ProposalFigures>(200);

/**
 * Every figure of a session or a year, computed in SQL from the committee's records. A party or
 * government leader (no overview of the committee) sees the figures of the key proposals they supervise.
 * Kept until the committee's records change or the next deadline of a unit passes (lib/revisions.ts).
 */
export async function proposalFigures(
  db: DbOrTx,
  actor: Actor,
  scope: FigureScope,
  now = new Date(),
): Promise<ProposalFigures> {
  const reach = reachOf(actor);
  const settings = await getSettings(db, actor.committeeId);
  const label = await scopeLabel(db, actor, scope);
  const key = JSON.stringify([
    reach,
    reach === 'supervised' ? actor.userId : null,
    scope.sessionId ?? null,
    scope.year ?? null,
    settings.satisfactionBasis,
    settings.timeZone,
    settings.proposalCategories,
    settings.answerCategories,
  ]);
  return computedFigures.get(db, actor.committeeId, key, async () => {
    const [value, validUntil] = await Promise.all([
      computeFigures(db, actor, reach, scope, label, settings, now),
      nextDeadline(db, actor.committeeId, now),
    ]);
    return { value, validUntil };
  });
}

/** Who may see figures, and how far (figureReach); everyone else is refused. */
function reachOf(actor: Actor) {
  const reach = figureReach(actor);
  if (!reach) throw forbidden('只有提案工作人员、主席会议成员和督办重点提案的党政领导可以查看提案统计');
  return reach;
}

/**
 * The filter every figure of a scope carries, so the list a figure opens is the same set of proposals: the
 * committee's record (never a viewer's narrowed view), or for a supervising party leader their key proposals.
 */
const scopeFilter = (reach: 'committee' | 'supervised', scope: FigureScope): FigureFilter => ({
  ...(reach === 'supervised' ? { view: 'key' } : {}),
  ...(scope.sessionId ? { sessionId: scope.sessionId } : {}),
  ...(scope.year ? { year: scope.year } : {}),
});

/** The session's name, and the year when the figures count one; another committee's session is not found. */
async function scopeLabel(db: DbOrTx, actor: Actor, scope: FigureScope) {
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
  return label;
}

async function computeFigures(
  db: DbOrTx,
  actor: Actor,
  reach: 'committee' | 'supervised',
  scope: FigureScope,
  label: string,
  settings: CommitteeSettings,
  now: Date,
): Promise<ProposalFigures> {
  const basis = settings.satisfactionBasis;
  const unit = unitOf(basis);
  const base = scopeFilter(reach, scope);
  const where: SQL = proposalConditions(actor, { ...base, view: base.view ?? 'all' }, settings.timeZone, now);
  const exec = async <T extends Record<string, unknown>>(query: SQL) => (await db.execute<T>(query)).rows;
  const ours = { committeeId: actor.committeeId };
  /** A satisfaction filter: the levels counted, by the committee's basis. */
  const rated = (filter: FigureFilter, levels: string): FigureFilter => ({
    ...filter,
    satisfaction: levels,
    satisfactionBasis: basis,
  });

  // Five independent statements, sent at once (on PostgreSQL each takes its own pooled connection).
  // The first reads only the figures index: every count by state, category, kind, answer category, key
  // status and sector comes from its groups.
  const [groups, [overdueRow], [ratings], unitRows, unitRatings, sectors] = await Promise.all([
    exec<Record<string, string | null>>(sql`
      select g.state, g.category, g.kind, g.answer_category, g.key_status, m.sector_id, sum(g.n) as n
      from (select p.state, p.category, p.kind, p.answer_category, p.key_status, p.lead_member_id, count(*) as n
        from proposals p where ${where}
        group by p.state, p.category, p.kind, p.answer_category, p.key_status, p.lead_member_id) g
      join members m on m.id = g.lead_member_id
      group by g.state, g.category, g.kind, g.answer_category, g.key_status, m.sector_id`),
    exec<Record<string, string>>(sql`
      select count(*) as n from proposals p
      where ${where} and ${inStage('handling')}
        and exists (select 1 from proposal_units pu where pu.proposal_id = p.id and ${overdueSlot(now)})`),
    exec<Record<string, string>>(sql`
      select count(*) as rated,
        count(*) filter (where sr.rank = 3) as satisfied,
        count(*) filter (where sr.rank = 2) as basically,
        count(*) filter (where sr.rank = 1) as dissatisfied
      from ${ratingRows(basis, { ...ours, where })} sr`),
    // A proposal holds at most one active slot per unit (proposal_units_active_key): rows are proposals.
    exec<Record<string, string>>(sql`
      select u.id, u.name,
        count(*) as assigned,
        count(*) filter (where ${inStage('answered')}) as answered,
        count(*) filter (where ${overdueSlot(now)}) as overdue
      from proposal_units pu
      join units u on u.id = pu.unit_id
      join proposals p on p.id = pu.proposal_id
      where pu.active and ${where}
      group by u.id, u.name
      order by count(*) desc, u.name`),
    // Ratings of each unit's own answers, of proposals the unit holds a slot on (as the list's unit filter).
    exec<Record<string, string>>(sql`
      select sr.unit_id, count(*) as rated, count(*) filter (where sr.rank >= 2) as content
      from ${ratingRows(basis, { ...ours, where }, 'each')} sr
      where exists (select 1 from proposal_units pu
        where pu.proposal_id = sr.proposal_id and pu.unit_id = sr.unit_id and pu.active)
      group by sr.unit_id`),
    db
      .select({ id: sectorsTable.id, name: sectorsTable.name, sortOrder: sectorsTable.sortOrder })
      .from(sectorsTable)
      .where(eq(sectorsTable.committeeId, actor.committeeId)),
  ]);
  const sum = (keep: (g: Record<string, string | null>) => boolean) =>
    groups.filter(keep).reduce((n, g) => n + num(g.n), 0);
  const inStates = (stage: readonly string[]) => (g: Record<string, string | null>) =>
    stage.includes(String(g.state));
  const submittedStage = inStates(proposalStages.submitted);
  const acceptedStage = inStates(proposalStages.accepted);
  const answeredStage = inStates(proposalStages.answered);
  const c = {
    submitted: sum(submittedStage),
    accepted: sum(acceptedStage),
    merged: sum((g) => g.state === 'merged'),
    rejected: sum((g) => g.state === 'rejected'),
    answered: sum(answeredStage),
    overdue: num(overdueRow?.n),
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

  // Sectors with proposals on record, most first, then in the committee's order.
  const sectorRows = sectors
    .map((x) => ({
      ...x,
      submitted: sum((g) => submittedStage(g) && String(g.sector_id) === String(x.id)),
      accepted: sum((g) => acceptedStage(g) && String(g.sector_id) === String(x.id)),
    }))
    .filter((x) => x.submitted > 0)
    .sort((x, y) => y.submitted - x.submitted || x.sortOrder - y.sortOrder);
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

  const countsBy = (column: string, within: (g: Record<string, string | null>) => boolean = () => true) => {
    const rows = new Map<string, { submitted: number; accepted: number }>();
    for (const g of groups) {
      const value = g[column];
      if (value === null || value === undefined || !submittedStage(g) || !within(g)) continue;
      const row = rows.get(value) ?? { submitted: 0, accepted: 0 };
      row.submitted += num(g.n);
      if (acceptedStage(g)) row.accepted += num(g.n);
      rows.set(value, row);
    }
    return rows;
  };
  const categoryRows = countsBy('category');
  const categoryOrder = (name: string) => {
    const i = settings.proposalCategories.indexOf(name);
    return i === -1 ? settings.proposalCategories.length : i;
  };
  const byCategory: BreakdownRow[] = [...categoryRows.keys()]
    .sort((a, b) => categoryOrder(a) - categoryOrder(b) || a.localeCompare(b, 'zh'))
    .map((category) => {
      const r = categoryRows.get(category)!;
      return {
        id: category,
        label: category,
        figures: [
          count('submitted', '提交', r.submitted, { ...base, category, stage: 'submitted' }),
          count('accepted', '立案', r.accepted, { ...base, category, stage: 'accepted' }),
        ],
      };
    });

  // 大会提案 before 平时提案.
  const kindRows = [...countsBy('kind')].sort(([a], [b]) => b.localeCompare(a));
  const byKind: BreakdownRow[] = kindRows.map(([code, r]) => {
    const kind = code as keyof typeof proposalKindLabels;
    return {
      id: kind,
      label: proposalKindLabels[kind] ?? kind,
      figures: [
        count('submitted', '提交', r.submitted, { ...base, kind, stage: 'submitted' }),
        count('accepted', '立案', r.accepted, { ...base, kind, stage: 'accepted' }),
      ],
    };
  });

  const answerCodes = [
    ...new Set(
      groups.filter((g) => answeredStage(g) && g.answer_category !== null).map((g) => g.answer_category!),
    ),
  ].sort();
  const byAnswerCategory: Figure[] = answerCodes.map((code) => {
    const known = settings.answerCategories.find((c) => c.code === code);
    const n = sum((g) => answeredStage(g) && g.answer_category === code);
    return count(code, known ? `${code}类（${known.label}）` : `${code}类`, n, {
      ...base,
      stage: 'answered',
      answerCategory: code,
    });
  });

  const keyOf = (list: readonly string[]) =>
    sum((g) => g.key_status === 'approved' && list.includes(String(g.state)));
  const keyBase: FigureFilter = { ...base, keyStatus: 'approved' };
  const keyProgress: Figure[] = [
    count('total', '重点提案', keyOf(proposalStages.accepted), { ...keyBase, stage: 'accepted' }),
    count('answered', '已办复', keyOf(proposalStages.answered), { ...keyBase, stage: 'answered' }),
    count('closed', '已办结', keyOf(['closed']), { ...keyBase, state: 'closed' }),
    ...(['accepted', 'assigned', 'rehandling'] as ProposalState[]).map((state) =>
      count(`state:${state}`, proposalStateLabels[state], keyOf([state]), { ...keyBase, state }),
    ),
  ];

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
  };
}

/**
 * The key proposals behind the figures' 重点提案 (accepted and later), a page at a time by number, each with
 * its supervisors, supervision log and whether a unit is past its deadline.
 */
export async function keyProposalProgress(
  db: DbOrTx,
  actor: Actor,
  query: FigureScope & { page: number; pageSize: number },
  now = new Date(),
): Promise<Page<KeyProposalProgress>> {
  const reach = reachOf(actor);
  // Another committee's session is not found.
  await scopeLabel(db, actor, query);
  const settings = await getSettings(db, actor.committeeId);
  const base = scopeFilter(reach, query);
  const where = sql`${proposalConditions(actor, { ...base, view: base.view ?? 'all' }, settings.timeZone, now)} and p.key_status = 'approved' and ${inStage('accepted')}`;
  const [rows, [total]] = await Promise.all([
    db.execute<Record<string, unknown>>(sql`
      select p.id, p.number, p.title, p.state,
        coalesce((select array_agg(u.display_name order by u.display_name) from proposal_supervisions ps
          join users u on u.id = ps.leader_user_id where ps.proposal_id = p.id), '{}') as supervisors,
        (select count(*) from proposal_supervision_logs l where l.proposal_id = p.id) as logs,
        (select max(l.occurred_on) from proposal_supervision_logs l where l.proposal_id = p.id) as last_log,
        exists (select 1 from proposal_units pu where pu.proposal_id = p.id and ${overdueSlot(now)}) as overdue
      from proposals p where ${where}
      order by p.number nulls last, p.id
      limit ${query.pageSize} offset ${pageOffset(query)}`),
    db.execute<{ n: string }>(sql`select count(*) as n from proposals p where ${where}`).then((r) => r.rows),
  ]);
  const items = rows.rows.map((r) => ({
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
  return toPage(items, num(total?.n), query);
}

import { count, eq, sql } from 'drizzle-orm';
import {
  listActivitiesQuery,
  listReadingNotesQuery,
  listSpeechesQuery,
  listSuggestionsQuery,
  type ActivityFigure,
  type CommitteeSettings,
} from '@cppcc/shared';
import { activities, activitySpeeches, activitySuggestions, readingNotes } from '../../../db/schema';
import type { ServiceContext } from '../../../lib/actor';
import { activityConditions } from '../queries';
import { readingNoteConditions } from './reading-notes';
import { speechConditions } from './speeches';
import { suggestionConditions } from './suggestions';

type Filter = Record<string, string | number | boolean | undefined>;
/** Query strings of a figure's filter, as its list would receive them. */
const asQuery = (filter: Filter) =>
  Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, typeof v === 'boolean' ? String(v) : v]));

const rate = (key: string, label: string, of: ActivityFigure, over: ActivityFigure): ActivityFigure => ({
  key,
  label,
  value: over.value === 0 ? 0 : Math.round((of.value / over.value) * 1000) / 10,
  unit: '%',
  numerator: of.value,
  denominator: over.value,
  denominatorLabel: `${over.label}（${over.unit}）`,
  list: of.list,
  filter: of.filter,
});

/**
 * What the year's activities produced — suggestions to results (成果转化), speeches, reading notes,
 * grassroots issues resolved, visits — each counted with its list's own conditions, so the list a
 * figure opens has the figure's count (or, for a `sumOf` figure, the figure's total of that column).
 */
export async function outcomeFigures(
  ctx: ServiceContext,
  settings: CommitteeSettings,
  year: number,
): Promise<ActivityFigure[]> {
  const { db } = ctx;
  const suggestions = async (key: string, label: string, filter: Filter): Promise<ActivityFigure> => {
    const q = listSuggestionsQuery.parse(asQuery(filter));
    const [row] = await db
      .select({ n: count() })
      .from(activitySuggestions)
      .innerJoin(activities, eq(activities.id, activitySuggestions.activityId))
      .where(suggestionConditions(ctx, q, settings));
    return { key, label, value: row?.n ?? 0, unit: '条', list: 'suggestions', filter };
  };
  const speeches = async (key: string, label: string, filter: Filter): Promise<ActivityFigure> => {
    const q = listSpeechesQuery.parse(asQuery(filter));
    const [row] = await db
      .select({ n: count() })
      .from(activitySpeeches)
      .innerJoin(activities, eq(activities.id, activitySpeeches.activityId))
      .where(speechConditions(ctx, q, settings));
    return { key, label, value: row?.n ?? 0, unit: '人次', list: 'speeches', filter };
  };
  const notes = async (key: string, label: string, filter: Filter): Promise<ActivityFigure> => {
    const q = listReadingNotesQuery.parse(asQuery(filter));
    const [row] = await db
      .select({ n: count() })
      .from(readingNotes)
      .where(readingNoteConditions(ctx, q, settings));
    return { key, label, value: row?.n ?? 0, unit: '篇', list: 'readingNotes', filter };
  };
  /** Held activities of a category: how many (场次 / 批次 / 项), and column totals over the same rows. */
  const held = async (filter: Filter) => {
    const q = listActivitiesQuery.parse({ ...asQuery(filter), view: 'all' });
    const [row] = await db
      .select({
        n: count(),
        residentCount: sql<number>`coalesce(sum(${activities.residentCount}), 0)::int`,
        visitedCount: sql<number>`coalesce(sum(${activities.visitedCount}), 0)::int`,
      })
      .from(activities)
      .where(activityConditions(ctx, q, settings));
    return { n: row?.n ?? 0, residentCount: row?.residentCount ?? 0, visitedCount: row?.visitedCount ?? 0 };
  };
  const activityFigure = (
    key: string,
    label: string,
    value: number,
    unit: ActivityFigure['unit'],
    filter: Filter,
    sumOf?: ActivityFigure['sumOf'],
  ): ActivityFigure => ({ key, label, value, unit, list: 'activities', filter, ...(sumOf ? { sumOf } : {}) });

  const made = await suggestions('suggestions', '提出意见建议', { year });
  const sent = await suggestions('suggestionsSent', '已报送', { year, sent: true });
  const adopted = await suggestions('suggestionsAdopted', '已采纳', { year, adopted: true });
  const implemented = await suggestions('suggestionsImplemented', '成果转化（已落实）', {
    year,
    state: 'implemented',
  });
  const grassroots = { year, category: 'grassroots', state: 'closed' };
  const grassrootsHeld = await held(grassroots);
  const resolved = await held({ ...grassroots, issueResolved: true });
  const visits = { year, category: 'visit', state: 'closed' };
  const visitsHeld = await held(visits);
  return [
    made,
    sent,
    adopted,
    rate('adoptionRate', '采纳率', adopted, sent),
    implemented,
    await suggestions('suggestionsOverdue', '逾期未反馈', { year, overdue: true }),
    await speeches('speeches', '会议发言', { year, given: true }),
    await speeches('plenarySpeeches', '大会发言', { year, given: true, kind: 'plenary' }),
    await speeches('oralAtPlenary', '大会口头发言', { year, state: 'selected' }),
    await notes('readingNotes', '读书笔记', { year, state: 'submitted' }),
    activityFigure('grassroots', '有事好商量协商活动', grassrootsHeld.n, '场次', grassroots),
    activityFigure(
      'grassrootsResidents',
      '参与群众',
      grassrootsHeld.residentCount,
      '人次',
      grassroots,
      'residentCount',
    ),
    activityFigure('issuesResolved', '解决群众问题', resolved.n, '项', {
      ...grassroots,
      issueResolved: true,
    }),
    activityFigure('visits', '走访', visitsHeld.n, '批次', visits),
    activityFigure('visited', '走访对象', visitsHeld.visitedCount, '人次', visits, 'visitedCount'),
  ];
}

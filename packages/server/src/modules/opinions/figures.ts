import { count, eq } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  dutyLevelLabels,
  forwardingChannelLabels,
  listForwardingsQuery,
  listOpinionsQuery,
  opinionLevels,
  opinionSubmitterTypeLabels,
  type OpinionFigure,
  type OpinionFigureFilter,
  type OpinionFigures,
  type OpinionLevel,
} from '@cppcc/shared';
import { committees, members, opinionForwardings, opinions, sectors } from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import { authorize, collectionOf } from '../../lib/policy';
import { getSettings } from '../../lib/settings';
import { committeeLevel } from './ledger';
import { listIssues } from './issues';
import { forwardingConditions, opinionConditions } from './queries';

/**
 * Opinion figures of a year. Every figure is counted with the very conditions its list applies
 * (`opinionConditions`, `forwardingConditions`), so the list opened from a figure has its count.
 */
export async function opinionFigures(
  ctx: ServiceContext,
  { year, quarter }: { year: number; quarter?: number },
): Promise<OpinionFigures> {
  authorize(ctx.actor, 'overview', 'opinions', collectionOf(ctx.actor));
  const settings = await getSettings(ctx.db, ctx.actor.committeeId);
  const tz = settings.timeZone;
  const ownLevel = await committeeLevel(ctx.db, ctx.actor.committeeId);
  const period = quarter ? { year, quarter } : { year };
  const base: OpinionFigureFilter = { view: 'all', ...period, fromChildCommittee: false };

  const where = (filter: OpinionFigureFilter) =>
    opinionConditions(ctx, listOpinionsQuery.parse(asQuery(filter)), tz);
  const countOf = async (filter: OpinionFigureFilter) =>
    (await ctx.db.select({ n: count() }).from(opinions).where(where(filter)))[0]?.n ?? 0;
  const figure = async (key: string, label: string, filter: OpinionFigureFilter): Promise<OpinionFigure> => ({
    key,
    label,
    value: await countOf(filter),
    unit: '篇',
    list: 'opinions',
    filter,
  });
  /** Counts per value of a column, under the filter; the list takes the value as one more filter key. */
  const countsBy = async (column: AnyPgColumn, filter: OpinionFigureFilter, joinSector = false) => {
    const q = ctx.db.select({ key: column, n: count() }).from(opinions);
    const rows = await (joinSector ? q.innerJoin(members, eq(members.id, opinions.leadMemberId)) : q)
      .where(where(filter))
      .groupBy(column);
    return new Map<string, number>(rows.map((r) => [String(r.key), r.n]));
  };

  const received = { ...base, stage: 'received' } as const;
  const adoptedHere = { ...base, adoptedLevel: ownLevel };
  const totals = [
    await figure('received', '报送信息', received),
    await figure('adopted', `${dutyLevelLabels[ownLevel]}采用`, adoptedHere),
    await figure('single', '单篇采用', { ...base, adoptionKind: 'single' }),
    await figure('combined', '综合采用', { ...base, adoptionKind: 'combined' }),
    await figure('absorbed', '被综合的信息', { ...base, state: 'combined' }),
    await figure('archived', '留存未采用', { ...base, state: 'archived' }),
    await figure('pending', '待处理', { ...base, state: 'submitted' }),
    await figure('editing', '编辑中', { ...base, state: 'editing' }),
    await figure('reportedUp', '向上级报送', { ...base, reportedLevel: nextLevelUp(ownLevel) }),
  ];
  // Issues count with the list's own query, so the list opened from the figure has its count.
  const issueFilter = { ...period, state: 'sent' as const };
  const issues = await listIssues(ctx, { ...issueFilter, page: 1, pageSize: 1, order: 'asc' });
  totals.push({
    key: 'issues',
    label: '印发期刊',
    value: issues.total,
    unit: '期',
    list: 'issues',
    filter: issueFilter,
  });

  const levelFigures = async (event: 'adoptedLevel' | 'instructedLevel', word: string) => {
    const out: OpinionFigure[] = [];
    for (const level of opinionLevels)
      out.push(
        await figure(`${event}.${level}`, `${dutyLevelLabels[level]}${word}`, { ...base, [event]: level }),
      );
    return out;
  };
  const adoptedByLevel = await levelFigures('adoptedLevel', '采用');
  const instructedByLevel = await levelFigures('instructedLevel', '领导批示');

  const forwardingFigure = async (
    key: string,
    label: string,
    filter: Record<string, unknown>,
  ): Promise<OpinionFigure> => {
    const conditions = forwardingConditions(
      ctx,
      listForwardingsQuery.parse(asQuery({ view: 'all', year, ...filter })),
      tz,
    );
    const [row] = await ctx.db
      .select({ n: count() })
      .from(opinionForwardings)
      .innerJoin(opinions, eq(opinions.id, opinionForwardings.opinionId))
      .where(conditions);
    return {
      key,
      label,
      value: row?.n ?? 0,
      unit: '件',
      list: 'forwardings',
      filter: { ...period, ...filter },
    };
  };
  const forwarding = [
    await forwardingFigure('forwarded', '转办', {}),
    await forwardingFigure('hotline', `转${forwardingChannelLabels.hotline}`, { channel: 'hotline' }),
    await forwardingFigure('department', `转${forwardingChannelLabels.department}`, {
      channel: 'department',
    }),
    await forwardingFigure('answered', '已答复', { answered: true }),
    await forwardingFigure('accepted', '已办结', { state: 'accepted' }),
    await forwardingFigure('overdue', '逾期未答复', { overdue: true }),
  ];

  // Breakdowns: received and adopted here, per submitter type, category, sector and child committee.
  const rowsOf = async (
    column: AnyPgColumn,
    filterKey: 'submitterType' | 'category' | 'sectorId' | 'sourceCommitteeId',
    labels: { id: string; label: string }[],
    rowBase: OpinionFigureFilter,
    joinSector = false,
  ) => {
    const receivedBy = await countsBy(column, { ...rowBase, stage: 'received' }, joinSector);
    const adoptedBy = await countsBy(column, { ...rowBase, adoptedLevel: ownLevel }, joinSector);
    return labels
      .filter((l) => (receivedBy.get(l.id) ?? 0) > 0 || (adoptedBy.get(l.id) ?? 0) > 0)
      .map((l) => {
        const value = filterKey === 'sectorId' || filterKey === 'sourceCommitteeId' ? Number(l.id) : l.id;
        const keyed = { [filterKey]: value } as OpinionFigureFilter;
        return {
          id: l.id,
          label: l.label,
          figures: [
            {
              key: 'received',
              label: '报送',
              value: receivedBy.get(l.id) ?? 0,
              unit: '篇' as const,
              list: 'opinions' as const,
              filter: { ...rowBase, stage: 'received' as const, ...keyed },
            },
            {
              key: 'adopted',
              label: '采用',
              value: adoptedBy.get(l.id) ?? 0,
              unit: '篇' as const,
              list: 'opinions' as const,
              filter: { ...rowBase, adoptedLevel: ownLevel, ...keyed },
            },
          ],
        };
      });
  };
  const typeLabels = (['member', 'organisation', 'liaison'] as const).map((id) => ({
    id,
    label: opinionSubmitterTypeLabels[id],
  }));
  const categoryRows = await ctx.db
    .selectDistinct({ category: opinions.category })
    .from(opinions)
    .where(eq(opinions.committeeId, ctx.actor.committeeId));
  const categories = [...new Set([...settings.opinionCategories, ...categoryRows.map((c) => c.category)])];
  const sectorRows = await ctx.db
    .select({ id: sectors.id, name: sectors.name })
    .from(sectors)
    .where(eq(sectors.committeeId, ctx.actor.committeeId))
    .orderBy(sectors.sortOrder, sectors.id);
  const children = await ctx.db
    .select({ id: committees.id, name: committees.name })
    .from(committees)
    .where(eq(committees.parentId, ctx.actor.committeeId))
    .orderBy(committees.id);
  const fromChildren: OpinionFigureFilter = { view: 'all', ...period, fromChildCommittee: true };

  return {
    year,
    quarter: quarter ?? null,
    totals,
    adoptedByLevel,
    instructedByLevel,
    forwarding,
    bySubmitterType: await rowsOf(opinions.submitterType, 'submitterType', typeLabels, base),
    byCategory: await rowsOf(
      opinions.category,
      'category',
      categories.map((c) => ({ id: c, label: c })),
      base,
    ),
    bySector: await rowsOf(
      members.sectorId,
      'sectorId',
      sectorRows.map((s) => ({ id: String(s.id), label: s.name })),
      base,
      true,
    ),
    byChildCommittee: await rowsOf(
      opinions.sourceCommitteeId,
      'sourceCommitteeId',
      children.map((c) => ({ id: String(c.id), label: c.name })),
      fromChildren,
    ),
  };
}

/** A figure's filter as the query string its list is opened with (booleans and numbers as text). */
const asQuery = (filter: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(filter).map(([k, v]) => [
      k,
      typeof v === 'boolean' || typeof v === 'number' ? String(v) : v,
    ]),
  );

const nextLevelUp = (level: OpinionLevel): OpinionLevel =>
  level === 'county' ? 'city' : level === 'city' ? 'province' : 'national';

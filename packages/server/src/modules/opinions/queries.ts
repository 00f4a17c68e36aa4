import { and, count, desc, eq, inArray, lt, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import {
  ledgerEventText,
  opinionStages,
  opinionStateLabels,
  type ListForwardingsQuery,
  type ListOpinionsQuery,
  type OpinionLedgerEvent,
  type OpinionLevel,
  type OpinionListItem,
} from '@cppcc/shared';
import type { DbOrTx } from '../../db/client';
import {
  committees,
  members,
  opinionCoauthors,
  opinionForwardings,
  opinionLedger,
  opinions,
  organisationProposers,
  units,
  users,
} from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import { dayRangeConditions, existsRow, periodConditions } from '../../lib/where';
import { outer } from '../../lib/json-rows';
import { AppError } from '../../lib/errors';
import { likePattern, orderBy, pageOffset, toPage } from '../../lib/list';
import { authorize, collectionOf } from '../../lib/policy';
import { getSettings } from '../../lib/settings';
import { authorNames } from './loader';
import { presentForwarding, submitterLine } from './presenter';

const ledgerHas = (db: DbOrTx, event: OpinionLedgerEvent, level: OpinionLevel) =>
  existsRow(
    db,
    opinionLedger,
    and(
      eq(opinionLedger.opinionId, opinions.id),
      eq(opinionLedger.event, event),
      eq(opinionLedger.level, level),
    )!,
  );

/** The scope of each list view for this actor; a view the actor may not use is refused. */
function viewScope(ctx: ServiceContext, view: ListOpinionsQuery['view']): SQL {
  const a = ctx.actor;
  const scope = collectionOf(a);
  const memberId = a.memberId ?? -1;
  const coauthor = (status: 'confirmed' | 'invited') =>
    existsRow(
      ctx.db,
      opinionCoauthors,
      and(
        eq(opinionCoauthors.opinionId, opinions.id),
        eq(opinionCoauthors.memberId, memberId),
        eq(opinionCoauthors.status, status),
      )!,
    );
  switch (view) {
    case 'mine':
      authorize(a, 'create', 'opinions', scope);
      return and(
        sql`${outer(opinions.submitterType)} <> 'report'`,
        or(eq(opinions.submittedBy, a.userId), eq(opinions.leadMemberId, memberId), coauthor('confirmed')),
      )!;
    case 'coauthor':
      if (a.memberId === null) throw new AppError('FORBIDDEN', '只有委员有联名邀请');
      return and(coauthor('invited'), notInArray(opinions.state, ['withdrawn']))!;
    case 'inbox':
      authorize(a, 'edit', 'opinions', scope);
      return inArray(opinions.state, ['submitted', 'editing']);
    case 'all':
      authorize(a, 'overview', 'opinions', scope);
      // Drafts and opinions taken back before editing are their authors' own.
      return notInArray(opinions.state, ['draft', 'withdrawn']);
  }
}

/** The conditions of an opinion list query (also the export's and each figure's). */
export function opinionConditions(ctx: ServiceContext, query: ListOpinionsQuery, timeZone: string) {
  const db = ctx.db;
  const conditions: (SQL | undefined)[] = [
    eq(opinions.committeeId, ctx.actor.committeeId),
    viewScope(ctx, query.view),
  ];
  if (query.stage) conditions.push(inArray(opinions.state, [...opinionStages[query.stage]]));
  if (query.state) conditions.push(eq(opinions.state, query.state));
  if (query.category) conditions.push(eq(opinions.category, query.category));
  conditions.push(...periodConditions(opinions.submittedAt, query, timeZone));
  conditions.push(
    ...dayRangeConditions(
      opinions.submittedAt,
      { from: query.submittedFrom, to: query.submittedTo },
      timeZone,
    ),
  );
  if (query.submitterType) conditions.push(eq(opinions.submitterType, query.submitterType));
  if (query.adoptionKind) conditions.push(eq(opinions.adoptionKind, query.adoptionKind));
  if (query.adoptedLevel) conditions.push(ledgerHas(db, 'adopted', query.adoptedLevel));
  if (query.instructedLevel) conditions.push(ledgerHas(db, 'instructed', query.instructedLevel));
  if (query.reportedLevel) conditions.push(ledgerHas(db, 'reported', query.reportedLevel));
  if (query.fromChildCommittee !== undefined)
    conditions.push(
      query.fromChildCommittee ? eq(opinions.submitterType, 'report') : ne(opinions.submitterType, 'report'),
    );
  if (query.sourceCommitteeId) conditions.push(eq(opinions.sourceCommitteeId, query.sourceCommitteeId));
  if (query.sectorId)
    conditions.push(
      existsRow(
        db,
        members,
        and(eq(members.id, opinions.leadMemberId), eq(members.sectorId, query.sectorId))!,
      ),
    );
  if (query.memberId)
    conditions.push(
      or(
        eq(opinions.leadMemberId, query.memberId),
        existsRow(
          db,
          opinionCoauthors,
          and(
            eq(opinionCoauthors.opinionId, opinions.id),
            eq(opinionCoauthors.memberId, query.memberId),
            eq(opinionCoauthors.status, 'confirmed'),
          )!,
        ),
      ),
    );
  if (query.forwarded !== undefined) {
    const forwarded = existsRow(db, opinionForwardings, eq(opinionForwardings.opinionId, opinions.id));
    conditions.push(query.forwarded ? forwarded : sql`not ${forwarded}`);
  }
  if (query.q)
    conditions.push(
      sql`(${outer(opinions.title)} ilike ${likePattern(query.q)} or ${outer(opinions.editedTitle)} ilike ${likePattern(query.q)})`,
    );
  return and(...conditions);
}

const listColumns = {
  row: opinions,
  authors: authorNames(outer(opinions.id)).mapWith((v) => v as string[]),
  organisation: sql<
    string | null
  >`(select ${organisationProposers.name} from ${organisationProposers} where ${organisationProposers.id} = ${outer(opinions.organisationProposerId)})`,
  submitter: sql<string>`(select ${users.displayName} from ${users} where ${users.id} = ${outer(opinions.submittedBy)})`,
  sourceCommittee: sql<
    string | null
  >`(select ${committees.name} from ${committees} where ${committees.id} = ${outer(opinions.sourceCommitteeId)})`,
  ledger: sql<
    { event: OpinionLedgerEvent; level: OpinionLevel }[]
  >`(select coalesce(jsonb_agg(jsonb_build_object('event', l.event, 'level', l.level) order by l.occurred_at, l.id), '[]'::jsonb) from ${opinionLedger} l where l.opinion_id = ${outer(opinions.id)})`,
};
interface ListRow {
  row: typeof opinions.$inferSelect;
  authors: string[];
  organisation: string | null;
  submitter: string;
  sourceCommittee: string | null;
  ledger: { event: OpinionLedgerEvent; level: OpinionLevel }[];
}

function presentListItem(r: ListRow): OpinionListItem {
  const o = r.row;
  return {
    id: o.id,
    title: o.editedTitle ?? o.title,
    category: o.category,
    state: o.state as OpinionListItem['state'],
    stateLabel: opinionStateLabels[o.state as OpinionListItem['state']],
    submitterType: o.submitterType as OpinionListItem['submitterType'],
    submitterName: submitterLine(o, {
      authors: r.authors,
      organisation: r.organisation,
      submitter: r.submitter,
      sourceCommittee: r.sourceCommittee,
    }),
    sourceCommitteeName: r.sourceCommittee,
    adoptionKind: o.adoptionKind as OpinionListItem['adoptionKind'],
    feedback: r.ledger.map((l) => ledgerEventText(l.event, l.level)),
    submittedAt: o.submittedAt?.toISOString() ?? null,
    decidedAt: o.decidedAt?.toISOString() ?? null,
    version: o.version,
    updatedAt: o.updatedAt.toISOString(),
  };
}

const sortable = {
  submittedAt: opinions.submittedAt,
  decidedAt: opinions.decidedAt,
  title: opinions.title,
  updatedAt: opinions.updatedAt,
  category: opinions.category,
};

/** Rows of an opinion list query, all of them (`limit` null) or one page. */
export async function selectOpinions(ctx: ServiceContext, query: ListOpinionsQuery, limit: number | null) {
  const settings = await getSettings(ctx.db, ctx.actor.committeeId);
  const where = opinionConditions(ctx, query, settings.timeZone);
  const order = query.sort
    ? orderBy(query, sortable, opinions.submittedAt)
    : sql`${outer(opinions.submittedAt)} desc nulls first, ${outer(opinions.id)} desc`;
  const base = ctx.db.select(listColumns).from(opinions).where(where).orderBy(order, desc(opinions.id));
  const rows = (limit === null ? await base : await base.limit(limit).offset(pageOffset(query))) as ListRow[];
  return { rows, where };
}

export async function listOpinions(ctx: ServiceContext, query: ListOpinionsQuery) {
  const { rows, where } = await selectOpinions(ctx, query, query.pageSize);
  const [total] = await ctx.db.select({ n: count() }).from(opinions).where(where);
  return toPage(rows.map(presentListItem), total?.n ?? 0, query);
}

export async function exportOpinionRows(ctx: ServiceContext, query: ListOpinionsQuery) {
  const { rows } = await selectOpinions(ctx, query, null);
  return rows.map(presentListItem);
}

/** Forwarded items: a unit's own, or all of the committee for staff and leaders. */
export function forwardingConditions(ctx: ServiceContext, query: ListForwardingsQuery, timeZone: string) {
  const a = ctx.actor;
  const scope = collectionOf(a);
  const conditions: (SQL | undefined)[] = [eq(opinionForwardings.committeeId, a.committeeId)];
  if (query.view === 'unit') {
    authorize(a, 'handleForwarded', 'opinions', scope);
    conditions.push(eq(opinionForwardings.unitId, a.unitId!));
  } else authorize(a, 'overview', 'opinions', scope);
  if (query.state) conditions.push(eq(opinionForwardings.state, query.state));
  if (query.channel) conditions.push(eq(opinionForwardings.channel, query.channel));
  if (query.answered) conditions.push(inArray(opinionForwardings.state, ['answered', 'accepted']));
  if (query.year)
    conditions.push(
      sql`extract(year from ${opinionForwardings.createdAt} at time zone ${timeZone})::int = ${query.year}`,
    );
  if (query.overdue !== undefined) {
    const overdue = and(
      inArray(opinionForwardings.state, ['forwarded', 'acknowledged']),
      lt(opinionForwardings.deadline, new Date()),
    )!;
    conditions.push(query.overdue ? overdue : sql`not (${overdue})`);
  }
  if (query.q)
    conditions.push(
      sql`(${outer(opinions.title)} ilike ${likePattern(query.q)} or ${opinionForwardings.workOrderNumber} ilike ${likePattern(query.q)})`,
    );
  return and(...conditions);
}

export async function listForwardings(ctx: ServiceContext, query: ListForwardingsQuery) {
  const settings = await getSettings(ctx.db, ctx.actor.committeeId);
  const where = forwardingConditions(ctx, query, settings.timeZone);
  const rows = await ctx.db
    .select({
      f: opinionForwardings,
      unitName: units.name,
      title: sql<string>`coalesce(${outer(opinions.editedTitle)}, ${outer(opinions.title)})`,
    })
    .from(opinionForwardings)
    .innerJoin(units, eq(units.id, opinionForwardings.unitId))
    .innerJoin(opinions, eq(opinions.id, opinionForwardings.opinionId))
    .where(where)
    .orderBy(
      query.sort
        ? orderBy(
            query,
            {
              createdAt: opinionForwardings.createdAt,
              deadline: opinionForwardings.deadline,
              state: opinionForwardings.state,
            },
            opinionForwardings.createdAt,
          )
        : desc(opinionForwardings.createdAt),
      desc(opinionForwardings.id),
    )
    .limit(query.pageSize)
    .offset(pageOffset(query));
  const [total] = await ctx.db
    .select({ n: count() })
    .from(opinionForwardings)
    .innerJoin(opinions, eq(opinions.id, opinionForwardings.opinionId))
    .where(where);
  const now = new Date();
  return toPage(
    rows.map((r) => presentForwarding(ctx, r.f, { unitName: r.unitName, opinionTitle: r.title }, now)),
    total?.n ?? 0,
    query,
  );
}

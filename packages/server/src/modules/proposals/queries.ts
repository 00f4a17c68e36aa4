import {
  and,
  count,
  desc,
  eq,
  inArray,
  isNotNull,
  lt,
  ne,
  not,
  notInArray,
  or,
  sql,
  type AnyColumn,
  type SQL,
} from 'drizzle-orm';
import {
  formatProposalNumber,
  proposalStages,
  proposalStateLabels,
  type ListProposalsQuery,
  type ProposalFilter,
  type ProposalState,
  type ProposalTask,
} from '@cppcc/shared';
import {
  members,
  organisationProposers,
  plenarySessions,
  proposalAnswers,
  proposalProposers,
  proposalSupervisions,
  proposalUnits,
  proposals,
  units,
} from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { likePattern, orderBy, pageOffset, toPage } from '../../lib/list';
import { authorize, can, collectionOf } from '../../lib/policy';
import { columnsEqual, dayRangeConditions, existsRow } from '../../lib/where';
import { RevisionCache } from '../../lib/revisions';
import { getSettings } from '../../lib/settings';
import { levelOfRank, nextDeadline, ratingRows, satisfactionRanks } from './figures/filters';

const handlingStates = ['assigned', 'rehandling'];

/** Totals of list filters, kept per revision of the committee's records (lib/revisions.ts). */
const listTotals = new RevisionCache<number>(1000);

/** The active unit slots of a proposal (a declined slot stays as history). */
const activeSlotOf = (proposalId: number | AnyColumn) =>
  columnsEqual(proposalUnits, { proposalId, active: true });

/** The scope of each list view for this actor; a view the actor may not use is refused. */
function viewScope(ctx: ServiceContext, view: ListProposalsQuery['view'], now: Date): SQL {
  const a = ctx.actor;
  const scope = collectionOf(a);
  const memberId = a.memberId ?? -1;
  const unitId = a.unitId ?? -1;
  const asProposer = existsRow(
    ctx.db,
    proposalProposers,
    columnsEqual(proposalProposers, { proposalId: proposals.id, memberId, status: 'confirmed' }),
  );
  const unitSlot = () =>
    existsRow(ctx.db, proposalUnits, activeSlotOf(proposals.id), eq(proposalUnits.unitId, unitId));
  const overdueSlot = (unit?: number) =>
    existsRow(
      ctx.db,
      proposalUnits,
      activeSlotOf(proposals.id),
      ne(proposalUnits.status, 'answered'),
      lt(proposalUnits.deadline, now),
      unit === undefined ? undefined : eq(proposalUnits.unitId, unit),
    );
  const overview = can(a, 'overview', 'proposals', scope);
  const supervisedKey = () =>
    and(
      ne(proposals.keyStatus, 'none'),
      existsRow(
        ctx.db,
        proposalSupervisions,
        columnsEqual(proposalSupervisions, { proposalId: proposals.id, leaderUserId: a.userId }),
      ),
    )!;
  switch (view) {
    case 'mine':
      if (a.memberId === null) throw new AppError('FORBIDDEN', '只有委员有“我的提案”');
      return or(eq(proposals.leadMemberId, memberId), asProposer)!;
    case 'cosign':
      if (a.memberId === null) throw new AppError('FORBIDDEN', '只有委员有联名邀请');
      return and(
        eq(proposals.state, 'cosigning'),
        existsRow(
          ctx.db,
          proposalProposers,
          columnsEqual(proposalProposers, { proposalId: proposals.id, memberId, status: 'invited' }),
          isNotNull(proposalProposers.invitedAt),
        ),
      )!;
    case 'review':
      authorize(a, 'review', 'proposals', scope);
      return inArray(proposals.state, ['submitted', 'reviewing']);
    case 'unit':
      authorize(a, 'handle', 'proposals', scope);
      return unitSlot();
    case 'overdue':
      if (overview) return and(inArray(proposals.state, handlingStates), overdueSlot())!;
      // A party or government leader: the overdue ones among the key proposals they supervise.
      if (can(a, 'superviseKey', 'proposals', scope))
        return and(inArray(proposals.state, handlingStates), overdueSlot(), supervisedKey())!;
      authorize(a, 'handle', 'proposals', scope);
      return and(inArray(proposals.state, handlingStates), overdueSlot(unitId))!;
    case 'key': {
      if (overview) return ne(proposals.keyStatus, 'none');
      if (!can(a, 'superviseKey', 'proposals', scope))
        throw new AppError('FORBIDDEN', '没有权限查看重点提案列表');
      return supervisedKey();
    }
    case 'followup':
      // 回头看 candidates: answered proposals whose answer was not 已解决 (category other than A).
      authorize(a, 'review', 'proposals', scope);
      return and(
        inArray(proposals.state, ['answered', 'closed']),
        isNotNull(proposals.answerCategory),
        ne(proposals.answerCategory, 'A'),
      )!;
    case 'all':
      authorize(a, 'overview', 'proposals', scope);
      // Drafts belong to their authors until submitted.
      return notInArray(proposals.state, ['draft', 'cosigning']);
  }
}

/**
 * A work queue: proposals in handling where the viewer's unit has to sign, to answer, or its head
 * to approve; for staff, proposals with an answer waiting for their review.
 */
function taskScope(ctx: ServiceContext, task: ProposalTask): SQL {
  const a = ctx.actor;
  const scope = collectionOf(a);
  const handling = inArray(proposals.state, handlingStates);
  const mySlot = (...conditions: SQL[]) =>
    existsRow(
      ctx.db,
      proposalUnits,
      activeSlotOf(proposals.id),
      eq(proposalUnits.unitId, a.unitId ?? -1),
      ...conditions,
    );
  const answer = (state: 'pendingHead' | 'sent', unitId?: number) =>
    existsRow(
      ctx.db,
      proposalAnswers,
      eq(proposalAnswers.proposalId, proposals.id),
      eq(proposalAnswers.state, state),
      unitId === undefined ? undefined : eq(proposalAnswers.unitId, unitId),
    );
  if (task === 'toReviewAnswer') {
    authorize(a, 'review', 'proposals', scope);
    return and(handling, answer('sent'))!;
  }
  authorize(a, 'handle', 'proposals', scope);
  const unitId = a.unitId ?? -1;
  switch (task) {
    case 'toAcknowledge':
      return and(handling, mySlot(eq(proposalUnits.status, 'assigned')))!;
    case 'toAnswer':
      // Signed for, and no answer of the unit is with its head or the staff yet.
      return and(
        handling,
        mySlot(eq(proposalUnits.status, 'acknowledged')),
        not(answer('pendingHead', unitId)),
        not(answer('sent', unitId)),
      )!;
    case 'toApproveAsHead':
      return and(handling, answer('pendingHead', unitId))!;
  }
}

export async function listProposals(ctx: ServiceContext, query: ProposalFilter) {
  const now = new Date();
  const settings = await getSettings(ctx.db, ctx.actor.committeeId);
  const conditions: (SQL | undefined)[] = [
    eq(proposals.committeeId, ctx.actor.committeeId),
    viewScope(ctx, query.view, now),
  ];
  if (query.state) conditions.push(eq(proposals.state, query.state));
  if (query.task) conditions.push(taskScope(ctx, query.task));
  if (query.stage) conditions.push(inArray(proposals.state, [...proposalStages[query.stage]]));
  if (query.sessionId) conditions.push(eq(proposals.sessionId, query.sessionId));
  if (query.category) conditions.push(eq(proposals.category, query.category));
  if (query.kind) conditions.push(eq(proposals.kind, query.kind));
  if (query.keyStatus) conditions.push(eq(proposals.keyStatus, query.keyStatus));
  if (query.excellentStatus) conditions.push(eq(proposals.excellentStatus, query.excellentStatus));
  if (query.answerCategory) conditions.push(eq(proposals.answerCategory, query.answerCategory));
  if (query.year)
    conditions.push(
      sql`extract(year from ${proposals.submittedAt} at time zone ${settings.timeZone}) = ${query.year}`,
    );
  conditions.push(
    ...dayRangeConditions(
      proposals.submittedAt,
      { from: query.submittedFrom, to: query.submittedTo },
      settings.timeZone,
    ),
  );
  if (query.unitId) {
    conditions.push(
      existsRow(ctx.db, proposalUnits, activeSlotOf(proposals.id), eq(proposalUnits.unitId, query.unitId)),
    );
  }
  if (query.sectorId) conditions.push(eq(members.sectorId, query.sectorId));
  if (query.q) {
    const n = Number(query.q.replace(/[第号]/g, ''));
    conditions.push(
      or(
        and(
          // Every pair of adjacent characters of the keyword is in the title: the bigram index finds those
          // titles, the pattern then keeps the ones that hold the keyword itself.
          query.q.length >= 2
            ? sql`title_bigrams(${proposals.title}) @> title_bigrams(${query.q})`
            : undefined,
          sql`${proposals.title} ilike ${likePattern(query.q)}`,
        ),
        Number.isInteger(n) && n > 0 ? eq(proposals.number, n) : undefined,
      ),
    );
  }
  const where = and(...conditions);
  // A satisfaction filter joins the ratings it counts, as the figures do: one row per proposal (件), or
  // per proposer's rating (人次); a re-handled proposal is judged by its last answer.
  const satisfaction = query.satisfaction;
  const basis = satisfaction ? (query.satisfactionBasis ?? settings.satisfactionBasis) : null;
  // The page reads each listed proposal's ratings through their index (a lateral join); the count reads the
  // committee's ratings at once.
  const ratingsOn = sql`sr.proposal_id = ${proposals.id} and sr.rank in (${satisfactionRanks(satisfaction ?? 'satisfied')})`;
  const pageRatings =
    satisfaction && basis
      ? sql`lateral ${ratingRows(basis, { proposalId: proposals.id }, query.unitId)} sr`
      : null;
  const countRatings =
    satisfaction && basis
      ? sql`${ratingRows(basis, { committeeId: ctx.actor.committeeId }, query.unitId)} sr`
      : null;
  const order = orderBy(
    query,
    {
      number: proposals.number,
      submittedAt: proposals.submittedAt,
      title: proposals.title,
      deadline: proposals.deadline,
      updatedAt: proposals.updatedAt,
      state: proposals.state,
    },
    proposals.id,
  );
  const raterId = pageRatings ? sql<number | null>`sr.member_id` : sql<number | null>`null::int`;
  const raterRank = pageRatings ? sql<number | null>`sr.rank` : sql<number | null>`null::int`;
  let listed = ctx.db
    .select({
      // The columns a list item shows; the text (content) stays in the database.
      p: {
        id: proposals.id,
        number: proposals.number,
        sessionId: proposals.sessionId,
        kind: proposals.kind,
        title: proposals.title,
        category: proposals.category,
        state: proposals.state,
        proposerType: proposals.proposerType,
        keyStatus: proposals.keyStatus,
        excellentStatus: proposals.excellentStatus,
        answerCategory: proposals.answerCategory,
        submittedAt: proposals.submittedAt,
        deadline: proposals.deadline,
        version: proposals.version,
        updatedAt: proposals.updatedAt,
      },
      leadName: members.name,
      organisationName: organisationProposers.name,
      sessionName: plenarySessions.name,
      raterId,
      raterRank,
    })
    .from(proposals)
    .innerJoin(members, eq(members.id, proposals.leadMemberId))
    .innerJoin(plenarySessions, eq(plenarySessions.id, proposals.sessionId))
    .leftJoin(organisationProposers, eq(organisationProposers.id, proposals.organisationProposerId))
    .$dynamic();
  // Only the sector filter reads the lead proposer's row; without it the count reads the figures index alone.
  let counted = ctx.db.select({ n: count() }).from(proposals).$dynamic();
  if (query.sectorId) counted = counted.innerJoin(members, eq(members.id, proposals.leadMemberId));
  if (pageRatings && countRatings) {
    listed = listed.innerJoin(pageRatings, ratingsOn);
    counted = counted.innerJoin(countRatings, ratingsOn);
  }
  counted = counted.where(where);
  const statement = counted.toSQL();
  const [rows, total] = await Promise.all([
    listed
      .where(where)
      .orderBy(order, desc(proposals.id), sql`${raterId}`)
      .limit(query.pageSize)
      .offset(pageOffset(query)),
    // Each page of the same filter has the same total: counted once per revision of the committee's
    // records. The clock is no part of the key: what is overdue holds until the next deadline passes.
    listTotals.get(
      ctx.db,
      ctx.actor.committeeId,
      JSON.stringify([statement.sql, statement.params.map((v) => (v === now.toISOString() ? 'now' : v))]),
      async () => {
        const [[row], validUntil] = await Promise.all([
          counted,
          query.view === 'overdue' ? nextDeadline(ctx.db, ctx.actor.committeeId, now) : null,
        ]);
        return { value: row?.n ?? 0, validUntil };
      },
    ),
  ]);
  const raterIds = [...new Set(rows.map((r) => r.raterId).filter((id): id is number => id !== null))];
  const raters = raterIds.length
    ? await ctx.db
        .select({ id: members.id, name: members.name })
        .from(members)
        .where(and(eq(members.committeeId, ctx.actor.committeeId), inArray(members.id, raterIds)))
    : [];
  const ids = rows.map((r) => r.p.id);
  const slots = ids.length
    ? await ctx.db
        .select({
          proposalId: proposalUnits.proposalId,
          unitId: proposalUnits.unitId,
          name: units.name,
          role: proposalUnits.role,
          status: proposalUnits.status,
          deadline: proposalUnits.deadline,
        })
        .from(proposalUnits)
        .innerJoin(units, eq(units.id, proposalUnits.unitId))
        .where(and(inArray(proposalUnits.proposalId, ids), eq(proposalUnits.active, true)))
        // 主办 first, then 分办, then 协办, as the answer letter and the export read them.
        .orderBy(
          sql`case ${proposalUnits.role} when 'lead' then 0 when 'separate' then 1 else 2 end`,
          units.name,
        )
    : [];
  const items = rows.map(({ p, leadName, organisationName, sessionName, raterId, raterRank }) => ({
    id: p.id,
    number: p.number,
    numberLabel: formatProposalNumber(p.number),
    sessionId: p.sessionId,
    sessionName,
    kind: p.kind,
    title: p.title,
    category: p.category,
    state: p.state as ProposalState,
    stateLabel: proposalStateLabels[p.state as ProposalState],
    proposerType: p.proposerType,
    leadMemberName: leadName,
    organisationName: organisationName ?? null,
    keyStatus: p.keyStatus,
    excellentStatus: p.excellentStatus,
    answerCategory: p.answerCategory,
    submittedAt: p.submittedAt?.toISOString() ?? null,
    deadline: p.deadline?.toISOString() ?? null,
    overdue:
      slots.some((s) => s.proposalId === p.id && s.status !== 'answered' && s.deadline < now) &&
      handlingStates.includes(p.state),
    units: slots
      .filter((s) => s.proposalId === p.id)
      .map(({ unitId, name, role, status, deadline }) => ({
        unitId,
        name,
        role,
        status,
        deadline: deadline.toISOString(),
      })),
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
    rater:
      raterId === null || raterRank === null
        ? null
        : {
            memberId: Number(raterId),
            name: raters.find((m) => m.id === Number(raterId))?.name ?? '',
            satisfaction: levelOfRank(Number(raterRank))!,
          },
  }));
  return toPage(items, total, query);
}

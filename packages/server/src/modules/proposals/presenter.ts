import { and, eq } from 'drizzle-orm';
import {
  answerStateLabels,
  type answerStates,
  type relevanceLevels,
  type satisfactionLevels,
  evaluationGrade,
  formatProposalNumber,
  proposalKindLabels,
  proposalStateLabels,
  proposerStatusLabels,
  unitRoleLabels,
  unitStatusLabels,
  type ProposalDetail,
  type ProposalState,
  formatDay,
  zonedDayEnd,
} from '@cppcc/shared';
import { proposals } from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { authorize, can } from '../../lib/policy';
import { accessOf, type ProposalRow } from './access';
import { addDays } from './helpers';
import { commandPolicies } from './workflow';
import { loadProposalDetail, type ProposalDetailData } from './loader';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

export async function loadProposal(ctx: ServiceContext, proposalId: number) {
  const [row] = await ctx.db
    .select()
    .from(proposals)
    .where(and(eq(proposals.id, proposalId), eq(proposals.committeeId, ctx.actor.committeeId)));
  if (!row) throw notFound('提案');
  const access = await accessOf(ctx.db, row);
  authorize(ctx.actor, 'read', 'proposal', access);
  return { row, access };
}

/** The detail of one proposal for the caller, read in one round trip; not found unless they may read it. */
export async function readProposal(ctx: ServiceContext, proposalId: number): Promise<ProposalDetail> {
  const data = await loadProposalDetail(ctx.db, ctx.actor.committeeId, proposalId);
  if (!data) throw notFound('提案');
  authorize(ctx.actor, 'read', 'proposal', data.access);
  return presentProposalDetail(ctx, data);
}

/** The detail of a proposal the caller just acted on. */
export async function presentProposal(ctx: ServiceContext, row: ProposalRow): Promise<ProposalDetail> {
  const data = await loadProposalDetail(ctx.db, row.committeeId, row.id);
  if (!data) throw notFound('提案');
  return presentProposalDetail(ctx, data);
}

/**
 * The full proposal for one viewer, from loaded data (no queries). What each viewer sees: proposers
 * see answers once staff approved them; a unit sees its own drafts; two-way evaluation scores stay
 * hidden until both sides are in.
 */
export function presentProposalDetail(ctx: ServiceContext, data: ProposalDetailData): ProposalDetail {
  const { row, access, people, slots, suggested, answers: answerRows, ratings: ratingRows } = data;
  const { evaluations, supervisors, logs, followups, timeline } = data;
  const session = data.session;
  const org = data.organisation;
  const a = ctx.actor;
  const isStaffView = can(a, 'seeSentAnswers', 'proposal', access);
  // The viewer's own unit slot, if they act for a unit handling this proposal.
  const myUnit = can(a, 'handle', 'proposal', access) ? a.unitId : null;
  const visibleAnswers = answerRows.filter(({ ans }) => {
    if (myUnit === ans.unitId) return true;
    if (isStaffView) return ['sent', 'approved', 'returned'].includes(ans.state) && ans.sentAt !== null;
    return ans.state === 'approved';
  });
  const visibleRatings = ratingRows.filter(({ r }) => {
    if (isStaffView) return true;
    const ans = answerRows.find((x) => x.ans.id === r.answerId);
    return (myUnit !== null && ans?.ans.unitId === myUnit) || r.memberId === a.memberId;
  });
  const opinions = isStaffView || myUnit !== null ? data.opinions : [];
  // Who the proposal still waits for (every proposer rates every approved answer of the round).
  const roundAnswers = answerRows.filter(
    ({ ans }) => ans.round === row.rehandleCount + 1 && ans.state === 'approved',
  );
  const isProposer = access.proposerMemberIds.includes(a.memberId ?? -1);
  const awaitingRatings =
    row.state === 'answered' && roundAnswers.length > 0 && (isStaffView || isProposer)
      ? access.proposerMemberIds
          .filter(
            (m) =>
              !roundAnswers.every(({ ans }) =>
                ratingRows.some(({ r }) => r.answerId === ans.id && r.memberId === m),
              ),
          )
          .map((memberId) => ({
            memberId,
            name: people.find(({ pp }) => pp.memberId === memberId)?.name ?? '',
          }))
      : [];
  // The last day to rate by: the rating window from the day the proposal was answered, in the committee's zone.
  const ratingDueAt =
    awaitingRatings.length > 0 && row.answeredAt
      ? zonedDayEnd(
          formatDay(addDays(row.answeredAt, data.settings.ratingWindowDays), data.settings.timeZone),
          data.settings.timeZone,
        ).toISOString()
      : null;
  const now = new Date();
  const seesContacts = isStaffView || myUnit !== null;

  const detail: Omit<ProposalDetail, 'attachmentFiles'> = {
    id: row.id,
    number: row.number,
    numberLabel: formatProposalNumber(row.number),
    session: session ? { id: session.id, name: session.name } : null,
    kind: row.kind,
    kindLabel: row.kind ? proposalKindLabels[row.kind as 'session' | 'regular'] : null,
    title: row.title,
    category: row.category,
    content: row.content,
    state: row.state as ProposalState,
    stateLabel: proposalStateLabels[row.state as ProposalState],
    proposerType: row.proposerType,
    organisationProposer: org ? { id: org.id, name: org.name, kind: org.kind } : null,
    leadMemberId: row.leadMemberId,
    suggestedUnits: suggested,
    attachmentIds: row.attachmentIds,
    cosignDeadline: iso(row.cosignDeadline),
    rejection: row.rejectionGround
      ? {
          ground: row.rejectionGround,
          reason: row.rejectionReason,
          disposition: row.rejectionDisposition,
          forwardUnitId: row.forwardUnitId,
        }
      : null,
    mergedIntoId: row.mergedIntoId,
    returnComment: row.returnComment,
    assignmentMode: row.assignmentMode,
    keyStatus: row.keyStatus,
    excellentStatus: row.excellentStatus,
    answerCategory: row.answerCategory,
    rehandleCount: row.rehandleCount,
    version: row.version,
    submittedAt: iso(row.submittedAt),
    acceptedAt: iso(row.acceptedAt),
    assignedAt: iso(row.assignedAt),
    deadline: iso(row.deadline),
    answeredAt: iso(row.answeredAt),
    closedAt: iso(row.closedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    proposers: people.map(({ pp, name, sector, phone, employer }) => ({
      memberId: pp.memberId,
      name,
      sector,
      employer: seesContacts ? employer : null,
      phone: seesContacts ? phone : null,
      role: pp.role,
      status: pp.status,
      statusLabel: proposerStatusLabels[pp.status as keyof typeof proposerStatusLabels],
      mergedFromId: pp.mergedFromId,
      invitedAt: iso(pp.invitedAt),
      respondedAt: iso(pp.respondedAt),
      deadline: iso(pp.deadline),
    })),
    units: slots.map(({ s, name }) => ({
      id: s.id,
      unitId: s.unitId,
      name,
      role: s.role,
      roleLabel: unitRoleLabels[s.role as keyof typeof unitRoleLabels],
      status: s.status,
      statusLabel: unitStatusLabels[s.status as keyof typeof unitStatusLabels],
      active: s.active,
      assignedAt: s.assignedAt.toISOString(),
      acknowledgeBy: s.acknowledgeBy.toISOString(),
      deadline: s.deadline.toISOString(),
      originalDeadline: iso(s.originalDeadline),
      extensionReason: s.extensionReason,
      declineReason: s.declineReason,
      overdue:
        s.active &&
        s.status !== 'answered' &&
        s.deadline < now &&
        ['assigned', 'rehandling'].includes(row.state),
    })),
    unitOpinions: opinions.map(({ o, fromName }) => ({
      id: o.id,
      fromUnitId: o.fromUnitId,
      fromUnitName: fromName,
      toUnitId: o.toUnitId,
      text: o.text,
      contactPerson: o.contactPerson,
      attachmentIds: o.attachmentIds,
      createdAt: o.createdAt.toISOString(),
    })),
    answers: visibleAnswers.map(({ ans, unitName }) => ({
      id: ans.id,
      unitId: ans.unitId,
      unitName,
      round: ans.round,
      category: ans.category,
      originalCategory: ans.originalCategory,
      text: ans.text,
      contactPerson: ans.contactPerson,
      contactPhone: ans.contactPhone,
      attachmentIds: ans.attachmentIds,
      state: ans.state as (typeof answerStates)[number],
      stateLabel: answerStateLabels[ans.state as keyof typeof answerStateLabels],
      headComment: myUnit === ans.unitId || isStaffView ? ans.headComment : null,
      staffReviewNote: myUnit === ans.unitId || isStaffView ? ans.staffReviewNote : null,
      sentAt: iso(ans.sentAt),
      reviewedAt: iso(ans.reviewedAt),
    })),
    awaitingRatings,
    ratingDueAt,
    ratings: visibleRatings.map(({ r, name }) => ({
      id: r.id,
      answerId: r.answerId,
      memberId: r.memberId,
      memberName: name,
      satisfaction: r.satisfaction as (typeof satisfactionLevels)[number],
      attitude: r.attitude as (typeof satisfactionLevels)[number],
      relevance: r.relevance as (typeof relevanceLevels)[number],
      comment: r.comment,
      createdAt: r.createdAt.toISOString(),
    })),
    evaluations: evaluations
      .filter((e) => {
        const bothIn =
          evaluations.some((x) => x.unitId === e.unitId && x.direction === 'unitToProposal') &&
          evaluations.some((x) => x.unitId === e.unitId && x.direction === 'proposerToHandling');
        return bothIn || e.createdBy === a.userId;
      })
      .map((e) => ({
        id: e.id,
        direction: e.direction,
        unitId: e.unitId,
        memberId: e.memberId,
        score: e.score,
        grade: evaluationGrade(e.score),
        comment: e.comment,
        createdAt: e.createdAt.toISOString(),
      })),
    supervisors,
    supervisionLogs: logs.map(({ l, author }) => ({
      id: l.id,
      kind: l.kind,
      text: l.text,
      author,
      occurredOn: l.occurredOn.toISOString(),
    })),
    followups: followups
      .filter(
        (f) => isStaffView || f.unitId === myUnit || access.proposerMemberIds.includes(a.memberId ?? -1),
      )
      .map((f) => ({
        id: f.id,
        answerId: f.answerId,
        unitId: f.unitId,
        status: f.status,
        requestNote: f.requestNote,
        requestedAt: f.requestedAt.toISOString(),
        implementation: f.implementation,
        report: f.report,
        reportedAt: iso(f.reportedAt),
      })),
    timeline: timeline.map((t) => ({
      id: t.id,
      action: t.action,
      actorName: t.actorName,
      actorRole: t.actorRole,
      fromState: t.fromState,
      toState: t.toState,
      note: t.note,
      createdAt: t.createdAt.toISOString(),
    })),
    policies: commandPolicies(ctx, row, access),
  };
  // Names of the files the viewer sees referenced, so links read as the uploaded file names.
  const ids = [
    ...detail.attachmentIds,
    ...detail.unitOpinions.flatMap((o) => o.attachmentIds),
    ...detail.answers.flatMap((x) => x.attachmentIds),
  ];
  const files = data.files.filter((f) => ids.includes(f.id));
  return { ...detail, attachmentFiles: files };
}

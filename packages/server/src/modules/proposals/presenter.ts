import { and, asc, eq, inArray } from 'drizzle-orm';
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
} from '@cppcc/shared';
import {
  members,
  organisationProposers,
  attachments,
  plenarySessions,
  proposalAnswers,
  proposalEvaluations,
  proposalFollowups,
  proposalProposers,
  proposalRatings,
  proposalSupervisionLogs,
  proposalSupervisions,
  proposalUnitOpinions,
  proposalUnits,
  proposals,
  sectors,
  units,
  users,
} from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { authorize, can } from '../../lib/policy';
import { readTimeline } from '../../lib/timeline';
import { accessOf, type ProposalRow } from './access';
import { commandPolicies } from './workflow';

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

/**
 * The full proposal for one viewer. What each viewer sees: proposers see answers once staff approved
 * them; a unit sees its own drafts; two-way evaluation scores stay hidden until both sides are in.
 */
export async function presentProposal(ctx: ServiceContext, row: ProposalRow): Promise<ProposalDetail> {
  const db = ctx.db;
  const access = await accessOf(db, row);
  const a = ctx.actor;
  const isStaffView = can(a, 'seeSentAnswers', 'proposal', access);
  // The viewer's own unit slot, if they act for a unit handling this proposal.
  const myUnit = can(a, 'handle', 'proposal', access) ? a.unitId : null;
  const [session] = await db.select().from(plenarySessions).where(eq(plenarySessions.id, row.sessionId));
  const [org] = row.organisationProposerId
    ? await db
        .select()
        .from(organisationProposers)
        .where(eq(organisationProposers.id, row.organisationProposerId))
    : [];
  const people = await db
    .select({
      pp: proposalProposers,
      name: members.name,
      sector: sectors.name,
      phone: members.phone,
      employer: members.employer,
    })
    .from(proposalProposers)
    .innerJoin(members, eq(members.id, proposalProposers.memberId))
    .innerJoin(sectors, eq(sectors.id, members.sectorId))
    .where(eq(proposalProposers.proposalId, row.id))
    .orderBy(asc(proposalProposers.sortOrder), asc(proposalProposers.id));
  const slots = await db
    .select({ s: proposalUnits, name: units.name })
    .from(proposalUnits)
    .innerJoin(units, eq(units.id, proposalUnits.unitId))
    .where(eq(proposalUnits.proposalId, row.id))
    .orderBy(asc(proposalUnits.id));
  const suggested = row.suggestedUnitIds.length
    ? await db
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(inArray(units.id, row.suggestedUnitIds))
    : [];
  const answerRows = await db
    .select({ ans: proposalAnswers, unitName: units.name })
    .from(proposalAnswers)
    .innerJoin(units, eq(units.id, proposalAnswers.unitId))
    .where(eq(proposalAnswers.proposalId, row.id))
    .orderBy(asc(proposalAnswers.round), asc(proposalAnswers.id));
  const visibleAnswers = answerRows.filter(({ ans }) => {
    if (myUnit === ans.unitId) return true;
    if (isStaffView) return ['sent', 'approved', 'returned'].includes(ans.state) && ans.sentAt !== null;
    return ans.state === 'approved';
  });
  const ratingRows = await db
    .select({ r: proposalRatings, name: members.name })
    .from(proposalRatings)
    .innerJoin(members, eq(members.id, proposalRatings.memberId))
    .where(eq(proposalRatings.proposalId, row.id));
  const visibleRatings = ratingRows.filter(({ r }) => {
    if (isStaffView) return true;
    const ans = answerRows.find((x) => x.ans.id === r.answerId);
    return (myUnit !== null && ans?.ans.unitId === myUnit) || r.memberId === a.memberId;
  });
  const opinions =
    isStaffView || myUnit !== null
      ? await db
          .select({ o: proposalUnitOpinions, fromName: units.name })
          .from(proposalUnitOpinions)
          .innerJoin(units, eq(units.id, proposalUnitOpinions.fromUnitId))
          .where(eq(proposalUnitOpinions.proposalId, row.id))
      : [];
  const evaluations = await db
    .select()
    .from(proposalEvaluations)
    .where(eq(proposalEvaluations.proposalId, row.id));
  const supervisors = await db
    .select({ userId: proposalSupervisions.leaderUserId, name: users.displayName })
    .from(proposalSupervisions)
    .innerJoin(users, eq(users.id, proposalSupervisions.leaderUserId))
    .where(eq(proposalSupervisions.proposalId, row.id));
  const logs = await db
    .select({ l: proposalSupervisionLogs, author: users.displayName })
    .from(proposalSupervisionLogs)
    .innerJoin(users, eq(users.id, proposalSupervisionLogs.authorUserId))
    .where(eq(proposalSupervisionLogs.proposalId, row.id))
    .orderBy(asc(proposalSupervisionLogs.occurredOn));
  const followups = await db.select().from(proposalFollowups).where(eq(proposalFollowups.proposalId, row.id));
  const timeline = await readTimeline(db, row.committeeId, 'proposal', row.id);
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
  const files = ids.length
    ? await db
        .select({ id: attachments.id, fileName: attachments.fileName, size: attachments.size })
        .from(attachments)
        .where(and(eq(attachments.committeeId, a.committeeId), inArray(attachments.id, ids)))
    : [];
  return { ...detail, attachmentFiles: files };
}

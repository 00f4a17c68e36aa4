import { z } from 'zod';
import { proposalStates } from './workflow';
import { answerStates, relevanceLevels, satisfactionLevels } from './vocabulary';

/** Proposal response DTOs: the server's presenters produce exactly these. */

const isoOrNull = z.string().nullable();
const unitRef = z.object({ id: z.number(), name: z.string() });

export const proposalListItemSchema = z.object({
  id: z.number(),
  number: z.number().nullable(),
  numberLabel: z.string(),
  sessionId: z.number(),
  sessionName: z.string(),
  kind: z.string().nullable(),
  title: z.string(),
  category: z.string(),
  state: z.enum(proposalStates),
  stateLabel: z.string(),
  proposerType: z.string(),
  leadMemberName: z.string(),
  organisationName: z.string().nullable(),
  keyStatus: z.string(),
  excellentStatus: z.string(),
  answerCategory: z.string().nullable(),
  submittedAt: isoOrNull,
  deadline: isoOrNull,
  overdue: z.boolean(),
  units: z.array(
    z.object({
      unitId: z.number(),
      name: z.string(),
      role: z.string(),
      status: z.string(),
      deadline: z.string(),
    }),
  ),
  version: z.number(),
  updatedAt: z.string(),
  /** Listed per proposer's rating (满意度按人次): the proposer whose rating this row is; null otherwise. */
  rater: z.object({ memberId: z.number(), name: z.string(), satisfaction: z.string() }).nullable(),
});
export type ProposalListItem = z.infer<typeof proposalListItemSchema>;
export const proposalPageSchema = z.object({
  items: z.array(proposalListItemSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const proposalDetailSchema = z.object({
  id: z.number(),
  /** File names of every attachment referenced in this detail. */
  attachmentFiles: z.array(z.object({ id: z.number(), fileName: z.string(), size: z.number() })),
  number: z.number().nullable(),
  numberLabel: z.string(),
  session: unitRef.nullable(),
  kind: z.string().nullable(),
  kindLabel: z.string().nullable(),
  title: z.string(),
  category: z.string(),
  content: z.string(),
  state: z.enum(proposalStates),
  stateLabel: z.string(),
  proposerType: z.string(),
  organisationProposer: z.object({ id: z.number(), name: z.string(), kind: z.string() }).nullable(),
  leadMemberId: z.number(),
  suggestedUnits: z.array(unitRef),
  attachmentIds: z.array(z.number()),
  cosignDeadline: isoOrNull,
  rejection: z
    .object({
      ground: z.string(),
      reason: z.string().nullable(),
      disposition: z.string().nullable(),
      forwardUnitId: z.number().nullable(),
    })
    .nullable(),
  mergedIntoId: z.number().nullable(),
  returnComment: z.string().nullable(),
  assignmentMode: z.string().nullable(),
  keyStatus: z.string(),
  excellentStatus: z.string(),
  answerCategory: z.string().nullable(),
  rehandleCount: z.number(),
  version: z.number(),
  submittedAt: isoOrNull,
  acceptedAt: isoOrNull,
  assignedAt: isoOrNull,
  deadline: isoOrNull,
  answeredAt: isoOrNull,
  closedAt: isoOrNull,
  createdAt: z.string(),
  updatedAt: z.string(),
  proposers: z.array(
    z.object({
      memberId: z.number(),
      name: z.string(),
      sector: z.string(),
      employer: z.string().nullable(),
      phone: z.string().nullable(),
      role: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      mergedFromId: z.number().nullable(),
      invitedAt: isoOrNull,
      respondedAt: isoOrNull,
      deadline: isoOrNull,
    }),
  ),
  units: z.array(
    z.object({
      id: z.number(),
      unitId: z.number(),
      name: z.string(),
      role: z.string(),
      roleLabel: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      active: z.boolean(),
      assignedAt: z.string(),
      acknowledgeBy: z.string(),
      deadline: z.string(),
      originalDeadline: isoOrNull,
      extensionReason: z.string().nullable(),
      declineReason: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
  unitOpinions: z.array(
    z.object({
      id: z.number(),
      fromUnitId: z.number(),
      fromUnitName: z.string(),
      toUnitId: z.number(),
      text: z.string(),
      contactPerson: z.string().nullable(),
      attachmentIds: z.array(z.number()),
      createdAt: z.string(),
    }),
  ),
  answers: z.array(
    z.object({
      id: z.number(),
      unitId: z.number(),
      unitName: z.string(),
      round: z.number(),
      category: z.string(),
      originalCategory: z.string().nullable(),
      text: z.string(),
      contactPerson: z.string(),
      contactPhone: z.string(),
      attachmentIds: z.array(z.number()),
      state: z.enum(answerStates),
      stateLabel: z.string(),
      headComment: z.string().nullable(),
      staffReviewNote: z.string().nullable(),
      sentAt: isoOrNull,
      reviewedAt: isoOrNull,
    }),
  ),
  /**
   * While an answered proposal waits for its ratings: the proposers who have not yet rated every
   * approved answer of this round (shown to its proposers and the staff; empty otherwise).
   */
  awaitingRatings: z.array(z.object({ memberId: z.number(), name: z.string() })),
  /** While proposers still have to rate: the end of the last day to rate by (the committee's rating window). */
  ratingDueAt: z.string().nullable(),
  ratings: z.array(
    z.object({
      id: z.number(),
      answerId: z.number(),
      memberId: z.number(),
      memberName: z.string(),
      satisfaction: z.enum(satisfactionLevels),
      attitude: z.enum(satisfactionLevels),
      relevance: z.enum(relevanceLevels),
      comment: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  evaluations: z.array(
    z.object({
      id: z.number(),
      direction: z.string(),
      unitId: z.number(),
      memberId: z.number().nullable(),
      score: z.number(),
      grade: z.string(),
      comment: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  supervisors: z.array(z.object({ userId: z.number(), name: z.string() })),
  supervisionLogs: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      text: z.string(),
      author: z.string(),
      occurredOn: z.string(),
    }),
  ),
  followups: z.array(
    z.object({
      id: z.number(),
      answerId: z.number(),
      unitId: z.number(),
      status: z.string(),
      requestNote: z.string().nullable(),
      requestedAt: z.string(),
      implementation: z.string().nullable(),
      report: z.string().nullable(),
      reportedAt: isoOrNull,
    }),
  ),
  timeline: z.array(
    z.object({
      id: z.number(),
      action: z.string(),
      actorName: z.string().nullable(),
      actorRole: z.string().nullable(),
      fromState: z.string().nullable(),
      toState: z.string().nullable(),
      note: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  /** `canSubmit`, `canAccept`, … : the table allows the command now and the policy allows the viewer. */
  policies: z.record(z.string(), z.boolean()),
});
export type ProposalDetail = z.infer<typeof proposalDetailSchema>;

/**
 * The list page that shows the records behind a figure (a list-query filter): the figures page and
 * the home cards link through it, so a number and its list never disagree.
 */
export function proposalListLink(filter: Partial<Record<string, string | number | undefined>>): string {
  const { view, ...rest } = filter;
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(rest)) if (v !== undefined && v !== '') query.set(k, String(v));
  const base = view === 'overdue' ? '/proposals/overdue' : view === 'key' ? '/proposals/key' : '/proposals';
  const qs = query.toString();
  return qs ? `${base}?${qs}` : base;
}

/** GET /api/proposals/form-options: configured lists and limits, units, sessions, organisations the caller convenes. */
export const proposalFormOptionsSchema = z.object({
  categories: z.array(z.string()),
  contentLimit: z.number(),
  titleLimit: z.number(),
  rejectionGrounds: z.array(z.string()),
  answerCategories: z.array(z.object({ code: z.string(), label: z.string() })),
  maxExtensionMonths: z.number(),
  units: z.array(z.object({ id: z.number(), name: z.string() })),
  sessions: z.array(
    z.object({ id: z.number(), name: z.string(), submissionOpens: z.string(), submissionCloses: z.string() }),
  ),
  currentSessionId: z.number().nullable(),
  organisationProposers: z.array(z.object({ id: z.number(), name: z.string(), kind: z.string() })),
});
export type ProposalFormOptions = z.infer<typeof proposalFormOptionsSchema>;

/** Members a proposer may invite to sign jointly: names and sectors only. */
export const coProposerCandidatesSchema = z.object({
  items: z.array(z.object({ id: z.number(), name: z.string(), sector: z.string() })),
});
export type CoProposerCandidate = z.infer<typeof coProposerCandidatesSchema>['items'][number];

/** Leaders who may supervise a key proposal (领衔督办). */
export const supervisorCandidatesSchema = z.object({
  items: z.array(z.object({ userId: z.number(), name: z.string(), title: z.string() })),
});
export type SupervisorCandidate = z.infer<typeof supervisorCandidatesSchema>['items'][number];

/** A proposal a batch step changed: its new state and version. */
const batchedProposal = z.object({ id: z.number(), state: z.string(), version: z.number() });

/** 交办会: the proposals assigned in one step. */
export const batchAssignResultSchema = z.object({ assigned: z.array(batchedProposal) });
export type BatchAssignResult = z.infer<typeof batchAssignResultSchema>;

/** 立案审查会: the proposals decided in one step. */
export const batchReviewResultSchema = z.object({ reviewed: z.array(batchedProposal) });
export type BatchReviewResult = z.infer<typeof batchReviewResultSchema>;

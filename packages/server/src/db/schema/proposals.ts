import { boolean, index, integer, text, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { committeeTable, createdAt, requiredReference, timestampTz, updatedAt, version } from './columns';
import { members, organisationProposers, plenarySessions, units } from './organisation';
import { users } from './accounts';

const proposalId = () => requiredReference('proposal_id', () => proposals.id, { onDelete: 'cascade' });

/** 提案. `state` follows PROPOSAL_TRANSITIONS in @cppcc/shared; `version` guards concurrent staff actions. */
export const proposals = committeeTable(
  'proposals',
  {
    sessionId: requiredReference('session_id', () => plenarySessions.id),
    /** 'session' (大会提案) or 'regular' (平时提案); fixed at submission from the session's window. */
    kind: text('kind'),
    /** Unique within the session once accepted; shown as 第0023号. */
    number: integer('number'),
    title: text('title').notNull(),
    category: text('category').notNull(),
    content: text('content').notNull(),
    state: text('state').notNull().default('draft'),
    proposerType: text('proposer_type').notNull().default('member'),
    organisationProposerId: integer('organisation_proposer_id').references(() => organisationProposers.id),
    /** 第一提案人; for organisation proposals the member (convener) who files it. */
    leadMemberId: requiredReference('lead_member_id', () => members.id),
    createdBy: requiredReference('created_by', () => users.id),
    suggestedUnitIds: integer('suggested_unit_ids').array().notNull().default([]),
    attachmentIds: integer('attachment_ids').array().notNull().default([]),
    cosignDeadline: timestampTz('cosign_deadline'),
    rejectionGround: text('rejection_ground'),
    rejectionReason: text('rejection_reason'),
    /** 'forwardSuggestion' | 'convertToOpinion' | 'none' */
    rejectionDisposition: text('rejection_disposition'),
    forwardUnitId: integer('forward_unit_id').references(() => units.id),
    mergedIntoId: integer('merged_into_id').references((): AnyPgColumn => proposals.id),
    returnComment: text('return_comment'),
    reviewerId: integer('reviewer_id').references(() => users.id),
    /** 'lead' (主办+协办) or 'separate' (分办). */
    assignmentMode: text('assignment_mode'),
    /** 'none' | 'nominated' | 'approved' — staff nominate, leaders approve. */
    keyStatus: text('key_status').notNull().default('none'),
    excellentStatus: text('excellent_status').notNull().default('none'),
    /** Final answer category after staff review (A/B/C …). */
    answerCategory: text('answer_category'),
    version: version(),
    submittedAt: timestampTz('submitted_at'),
    acceptedAt: timestampTz('accepted_at'),
    assignedAt: timestampTz('assigned_at'),
    deadline: timestampTz('deadline'),
    answeredAt: timestampTz('answered_at'),
    closedAt: timestampTz('closed_at'),
    withdrawnAt: timestampTz('withdrawn_at'),
    rehandleCount: integer('rehandle_count').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('proposals_session_number_key').on(t.sessionId, t.number),
    // Counts of a list and every figure read this index alone (an index-only scan, grouped in its order).
    index('proposals_committee_figures_idx').on(
      t.committeeId,
      t.state,
      t.sessionId,
      t.category,
      t.kind,
      t.answerCategory,
      t.keyStatus,
      t.leadMemberId,
    ),
    index('proposals_committee_number_idx').on(t.committeeId, t.number),
    index('proposals_lead_member_idx').on(t.leadMemberId),
    // What the search index reads since it last synced (modules/search/sync.ts).
    index('proposals_committee_updated_idx').on(t.committeeId, t.updatedAt),
    index('proposals_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    // A keyword of two characters has no trigram; every keyword has its pairs (title_bigrams, 0010).
    index('proposals_title_bigrams_idx').using('gin', sql`title_bigrams(${t.title})`),
  ],
);

/** 提案人: the lead proposer and co-proposers (附议); merged proposals' proposers join as 'co' with mergedFromId. */
export const proposalProposers = committeeTable(
  'proposal_proposers',
  {
    proposalId: proposalId(),
    memberId: requiredReference('member_id', () => members.id),
    role: text('role').notNull(),
    /** 'invited' | 'confirmed' | 'declined' | 'expired' */
    status: text('status').notNull(),
    mergedFromId: integer('merged_from_id').references(() => proposals.id),
    sortOrder: integer('sort_order').notNull().default(0),
    invitedAt: timestampTz('invited_at'),
    respondedAt: timestampTz('responded_at'),
    deadline: timestampTz('deadline'),
  },
  (t) => [
    uniqueIndex('proposal_proposers_proposal_member_key').on(t.proposalId, t.memberId),
    index('proposal_proposers_member_idx').on(t.memberId, t.status),
  ],
);

/** 承办单位 slots. A declined slot stays as history (`active` false) and staff reassign. */
export const proposalUnits = committeeTable(
  'proposal_units',
  {
    proposalId: proposalId(),
    unitId: requiredReference('unit_id', () => units.id),
    /** 'lead' (主办) | 'co' (协办) | 'separate' (分办) */
    role: text('role').notNull(),
    /** 'assigned' | 'acknowledged' | 'declined' | 'answered' */
    status: text('status').notNull().default('assigned'),
    active: boolean('active').notNull().default(true),
    assignedAt: timestampTz('assigned_at').notNull().defaultNow(),
    acknowledgeBy: timestampTz('acknowledge_by').notNull(),
    deadline: timestampTz('deadline').notNull(),
    acknowledgedAt: timestampTz('acknowledged_at'),
    declinedAt: timestampTz('declined_at'),
    declineReason: text('decline_reason'),
    originalDeadline: timestampTz('original_deadline'),
    extensionReason: text('extension_reason'),
    extendedAt: timestampTz('extended_at'),
    remindedAt: timestampTz('reminded_at'),
    overdueNotifiedAt: timestampTz('overdue_notified_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('proposal_units_active_key')
      .on(t.proposalId, t.unitId)
      .where(sql`${t.active}`),
    index('proposal_units_unit_idx').on(t.unitId, t.status),
    // Every slot of a proposal, the declined ones too (the detail shows them as history).
    index('proposal_units_proposal_idx').on(t.proposalId),
    // The next deadline to pass: until then no slot turns overdue (a figure's validity, lib/revisions.ts).
    index('proposal_units_open_deadline_idx')
      .on(t.committeeId, t.deadline)
      .where(sql`${t.active} and ${t.status} <> 'answered'`),
  ],
);

/** 协办意见: a co-unit's opinion sent to the lead unit. */
export const proposalUnitOpinions = committeeTable(
  'proposal_unit_opinions',
  {
    proposalId: proposalId(),
    fromUnitId: requiredReference('from_unit_id', () => units.id),
    toUnitId: requiredReference('to_unit_id', () => units.id),
    text: text('text').notNull(),
    contactPerson: text('contact_person'),
    attachmentIds: integer('attachment_ids').array().notNull().default([]),
    createdBy: requiredReference('created_by', () => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('proposal_unit_opinions_key').on(t.proposalId, t.fromUnitId)],
);

/** 答复. `round` 1 is the first answer, 2+ after 不满意 re-handling. */
export const proposalAnswers = committeeTable(
  'proposal_answers',
  {
    proposalId: proposalId(),
    unitId: requiredReference('unit_id', () => units.id),
    round: integer('round').notNull().default(1),
    category: text('category').notNull(),
    text: text('text').notNull(),
    contactPerson: text('contact_person').notNull(),
    contactPhone: text('contact_phone').notNull(),
    attachmentIds: integer('attachment_ids').array().notNull().default([]),
    /** 'draft' | 'pendingHead' | 'sent' | 'returned' | 'approved' */
    state: text('state').notNull().default('draft'),
    draftedBy: requiredReference('drafted_by', () => users.id),
    headApprovedBy: integer('head_approved_by').references(() => users.id),
    headApprovedAt: timestampTz('head_approved_at'),
    headComment: text('head_comment'),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: timestampTz('reviewed_at'),
    staffReviewNote: text('staff_review_note'),
    originalCategory: text('original_category'),
    sentAt: timestampTz('sent_at'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('proposal_answers_round_key').on(t.proposalId, t.unitId, t.round),
    index('proposal_answers_unit_idx').on(t.unitId, t.state),
  ],
);

/** 满意度评价, one per proposer per answer. */
export const proposalRatings = committeeTable(
  'proposal_ratings',
  {
    proposalId: proposalId(),
    answerId: requiredReference('answer_id', () => proposalAnswers.id, { onDelete: 'cascade' }),
    memberId: requiredReference('member_id', () => members.id),
    /** 'satisfied' | 'basicallySatisfied' | 'dissatisfied' */
    satisfaction: text('satisfaction').notNull(),
    /** 办理态度: same scale as satisfaction. */
    attitude: text('attitude').notNull(),
    /** 是否针对提案: 'targeted' | 'partly' | 'notTargeted' */
    relevance: text('relevance').notNull(),
    comment: text('comment'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('proposal_ratings_answer_member_key').on(t.answerId, t.memberId),
    index('proposal_ratings_proposal_idx').on(t.proposalId, t.memberId),
  ],
);

/** 领衔督办: leaders supervising a key proposal. */
export const proposalSupervisions = committeeTable(
  'proposal_supervisions',
  {
    proposalId: proposalId(),
    leaderUserId: requiredReference('leader_user_id', () => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('proposal_supervisions_key').on(t.proposalId, t.leaderUserId)],
);

export const proposalSupervisionLogs = committeeTable(
  'proposal_supervision_logs',
  {
    proposalId: proposalId(),
    authorUserId: requiredReference('author_user_id', () => users.id),
    /** 'comment' | 'visit' | 'meeting' */
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    occurredOn: timestampTz('occurred_on').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('proposal_supervision_logs_proposal_idx').on(t.proposalId)],
);

/** 双向评议: unit → proposal quality, proposer → handling; hidden until both sides are in. */
export const proposalEvaluations = committeeTable(
  'proposal_evaluations',
  {
    proposalId: proposalId(),
    /** 'unitToProposal' | 'proposerToHandling' */
    direction: text('direction').notNull(),
    unitId: requiredReference('unit_id', () => units.id),
    memberId: integer('member_id').references(() => members.id),
    score: integer('score').notNull(),
    comment: text('comment'),
    createdBy: requiredReference('created_by', () => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('proposal_evaluations_unit_key')
      .on(t.proposalId, t.unitId)
      .where(sql`${t.direction} = 'unitToProposal'`),
    uniqueIndex('proposal_evaluations_proposer_key')
      .on(t.proposalId, t.unitId, t.memberId)
      .where(sql`${t.direction} = 'proposerToHandling'`),
    // Both directions of one proposal, as its detail reads them.
    index('proposal_evaluations_proposal_idx').on(t.proposalId),
  ],
);

/** 回头看: staff request an implementation update on an earlier B/C answer; the unit reports. */
export const proposalFollowups = committeeTable(
  'proposal_followups',
  {
    proposalId: proposalId(),
    answerId: requiredReference('answer_id', () => proposalAnswers.id),
    unitId: requiredReference('unit_id', () => units.id),
    /** 'requested' | 'reported' | 'reviewed' */
    status: text('status').notNull().default('requested'),
    requestNote: text('request_note'),
    requestedBy: requiredReference('requested_by', () => users.id),
    requestedAt: timestampTz('requested_at').notNull().defaultNow(),
    /** 'implemented' | 'inProgress' | 'notImplemented' */
    implementation: text('implementation'),
    report: text('report'),
    reportedBy: integer('reported_by').references(() => users.id),
    reportedAt: timestampTz('reported_at'),
    reviewNote: text('review_note'),
    reviewedAt: timestampTz('reviewed_at'),
  },
  (t) => [index('proposal_followups_proposal_idx').on(t.proposalId)],
);

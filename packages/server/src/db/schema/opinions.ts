import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, text, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { committeeTable, createdAt, requiredReference, timestampTz, updatedAt, version } from './columns';
import { committees } from './tenancy';
import { members, organisationProposers, units } from './organisation';
import { users } from './accounts';
import { proposals } from './proposals';

const opinionId = () => requiredReference('opinion_id', () => opinions.id, { onDelete: 'cascade' });

/**
 * 社情民意信息. `state` follows opinionWorkflowTable in @cppcc/shared. `title`/`content` are the text as
 * submitted and are never changed by editing; staff's edit for publication is `edited_*`, each saved
 * edit also kept in `opinion_versions`. A report from a child committee is a record of this (parent)
 * committee with `source_opinion_id` naming the child's article.
 */
export const opinions = committeeTable(
  'opinions',
  {
    title: text('title').notNull(),
    category: text('category').notNull(),
    content: text('content').notNull(),
    editedTitle: text('edited_title'),
    editedContent: text('edited_content'),
    state: text('state').notNull().default('draft'),
    /** 'member' | 'organisation' | 'liaison' | 'report' */
    submitterType: text('submitter_type').notNull(),
    /** The account that filed it; for a report, the child's staff member who reported it. */
    submittedBy: requiredReference('submitted_by', () => users.id),
    /** The member author (the convener for an organisation); null for a liaison or a report. */
    leadMemberId: integer('lead_member_id').references(() => members.id),
    organisationProposerId: integer('organisation_proposer_id').references(() => organisationProposers.id),
    attachmentIds: integer('attachment_ids').array().notNull().default([]),
    sourceProposalId: integer('source_proposal_id').references(() => proposals.id),
    /** For a report: the child committee's article, and that committee. */
    sourceOpinionId: integer('source_opinion_id').references((): AnyPgColumn => opinions.id),
    sourceCommitteeId: integer('source_committee_id').references(() => committees.id),
    /** 'single' | 'combined' once adopted. */
    adoptionKind: text('adoption_kind'),
    combinedIntoId: integer('combined_into_id').references((): AnyPgColumn => opinions.id),
    returnComment: text('return_comment'),
    archiveReason: text('archive_reason'),
    editorId: integer('editor_id').references(() => users.id),
    version: version(),
    submittedAt: timestampTz('submitted_at'),
    decidedAt: timestampTz('decided_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('opinions_committee_state_idx').on(t.committeeId, t.state, t.submittedAt),
    index('opinions_committee_submitted_idx').on(t.committeeId, t.submittedAt),
    index('opinions_lead_member_idx').on(t.leadMemberId),
    index('opinions_committee_updated_idx').on(t.committeeId, t.updatedAt),
    index('opinions_submitted_by_idx').on(t.submittedBy),
    // One report of an article per receiving committee.
    uniqueIndex('opinions_source_key')
      .on(t.committeeId, t.sourceOpinionId)
      .where(sql`${t.sourceOpinionId} is not null`),
    index('opinions_combined_into_idx').on(t.combinedIntoId),
  ],
);

/** 联名: co-authors confirm as co-proposers do; only confirmed ones are credited. */
export const opinionCoauthors = committeeTable(
  'opinion_coauthors',
  {
    opinionId: opinionId(),
    memberId: requiredReference('member_id', () => members.id),
    /** 'invited' | 'confirmed' | 'declined' */
    status: text('status').notNull().default('invited'),
    sortOrder: integer('sort_order').notNull().default(0),
    respondedAt: timestampTz('responded_at'),
  },
  (t) => [
    uniqueIndex('opinion_coauthors_key').on(t.opinionId, t.memberId),
    index('opinion_coauthors_member_idx').on(t.memberId, t.status),
  ],
);

/** Every saved edit for publication; number 0 is the text as submitted. */
export const opinionVersions = committeeTable(
  'opinion_versions',
  {
    opinionId: opinionId(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    editorId: requiredReference('editor_id', () => users.id),
    editorName: text('editor_name').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('opinion_versions_key').on(t.opinionId, t.number)],
);

/**
 * The adoption ledger: one row per (article, level, event) — adopted / reported / instructed at
 * county, city, province or national level. The row belongs to the article's committee; an outcome
 * at a parent flows back as a row on each article of the report chain. Figures count these rows.
 */
export const opinionLedger = committeeTable(
  'opinion_ledger',
  {
    opinionId: opinionId(),
    level: text('level').notNull(),
    event: text('event').notNull(),
    /** The committee where it happened (null: 全国政协, an external recipient). */
    atCommitteeId: integer('at_committee_id').references(() => committees.id),
    note: text('note'),
    occurredAt: timestampTz('occurred_at').notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('opinion_ledger_key').on(t.opinionId, t.level, t.event),
    index('opinion_ledger_committee_idx').on(t.committeeId, t.event, t.level),
  ],
);

/** 领导批示, tracked until what was done is reported. */
export const opinionInstructions = committeeTable(
  'opinion_instructions',
  {
    opinionId: opinionId(),
    leaderName: text('leader_name').notNull(),
    leaderPost: text('leader_post').notNull(),
    level: text('level').notNull(),
    text: text('text').notNull(),
    instructedOn: date('instructed_on').notNull(),
    attachmentIds: integer('attachment_ids').array().notNull().default([]),
    unitId: integer('unit_id').references(() => units.id),
    result: text('result'),
    doneAt: timestampTz('done_at'),
    createdBy: requiredReference('created_by', () => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('opinion_instructions_opinion_idx').on(t.opinionId)],
);

/** 转办件: an article forwarded to the 12345 hotline or a department; its own small workflow. */
export const opinionForwardings = committeeTable(
  'opinion_forwardings',
  {
    opinionId: opinionId(),
    /** 'hotline' | 'department' */
    channel: text('channel').notNull(),
    unitId: requiredReference('unit_id', () => units.id),
    workOrderNumber: text('work_order_number'),
    deadline: timestampTz('deadline').notNull(),
    note: text('note'),
    state: text('state').notNull().default('forwarded'),
    answerText: text('answer_text'),
    answerAttachmentIds: integer('answer_attachment_ids').array().notNull().default([]),
    returnReason: text('return_reason'),
    reviewComment: text('review_comment'),
    forwardedBy: requiredReference('forwarded_by', () => users.id),
    acknowledgedAt: timestampTz('acknowledged_at'),
    answeredAt: timestampTz('answered_at'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('opinion_forwardings_unit_idx').on(t.unitId, t.state),
    index('opinion_forwardings_opinion_idx').on(t.opinionId),
    index('opinion_forwardings_committee_idx').on(t.committeeId, t.createdAt),
  ],
);

/** 《社情民意》期刊: a numbered issue of a series, numbered per year. */
export const opinionIssues = committeeTable(
  'opinion_issues',
  {
    series: text('series').notNull(),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    /** 'draft' | 'sent' */
    state: text('state').notNull().default('draft'),
    reportTo: text('report_to').array().notNull().default([]),
    copyTo: text('copy_to').array().notNull().default([]),
    reportToParent: boolean('report_to_parent').notNull().default(false),
    compiledBy: requiredReference('compiled_by', () => users.id),
    sentAt: timestampTz('sent_at'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('opinion_issues_number_key').on(t.committeeId, t.series, t.year, t.number)],
);

export const opinionIssueArticles = committeeTable(
  'opinion_issue_articles',
  {
    issueId: requiredReference('issue_id', () => opinionIssues.id, { onDelete: 'cascade' }),
    opinionId: requiredReference('opinion_id', () => opinions.id),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    uniqueIndex('opinion_issue_articles_key').on(t.issueId, t.opinionId),
    index('opinion_issue_articles_opinion_idx').on(t.opinionId),
  ],
);

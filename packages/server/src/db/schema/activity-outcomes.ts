import { index, integer, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { committeeTable, createdAt, requiredReference, timestampTz, updatedAt, version } from './columns';
import { members, specialCommittees, units } from './organisation';
import { users } from './accounts';
import { activities } from './activities';

const activityId = () => requiredReference('activity_id', () => activities.id, { onDelete: 'cascade' });

/**
 * 意见建议: one suggestion an activity produced, followed to its result. `state` follows
 * suggestionWorkflowTable: proposed → sent (to `unit_id`, answer due by `deadline`) → adopted →
 * implemented (成果转化), or notAdopted. Feedback of each step is kept beside it.
 */
export const activitySuggestions = committeeTable(
  'activity_suggestions',
  {
    activityId: activityId(),
    content: text('content').notNull(),
    unitId: integer('unit_id').references(() => units.id),
    deadline: timestampTz('deadline'),
    state: text('state').notNull().default('proposed'),
    sentAt: timestampTz('sent_at'),
    adoptionFeedback: text('adoption_feedback'),
    adoptedOn: timestampTz('adopted_on'),
    implementationFeedback: text('implementation_feedback'),
    implementedOn: timestampTz('implemented_on'),
    evidenceAttachmentIds: integer('evidence_attachment_ids').array().notNull().default([]),
    createdBy: requiredReference('created_by', () => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('activity_suggestions_activity_idx').on(t.activityId),
    index('activity_suggestions_committee_state_idx').on(t.committeeId, t.state, t.createdAt),
    index('activity_suggestions_unit_state_idx').on(t.unitId, t.state),
    index('activity_suggestions_committee_updated_idx').on(t.committeeId, t.updatedAt),
  ],
);

/**
 * 大会发言 / 会议发言 of one member at one activity, written or oral. `state` follows
 * speechWorkflowTable: a written speech is submitted, then accepted (收录) or declined; an accepted
 * written speech may be selected for oral delivery. An accepted or selected speech is `speech.given`.
 */
export const activitySpeeches = committeeTable(
  'activity_speeches',
  {
    activityId: activityId(),
    memberId: requiredReference('member_id', () => members.id),
    /** 'written' | 'oral' */
    mode: text('mode').notNull(),
    title: text('title').notNull(),
    content: text('content'),
    attachmentIds: integer('attachment_ids').array().notNull().default([]),
    state: text('state').notNull().default('submitted'),
    decisionNote: text('decision_note'),
    createdBy: requiredReference('created_by', () => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('activity_speeches_activity_idx').on(t.activityId),
    index('activity_speeches_member_idx').on(t.committeeId, t.memberId),
    index('activity_speeches_committee_state_idx').on(t.committeeId, t.state, t.createdAt),
  ],
);

/** 读书笔记: a member's reading note, optionally written for a reading activity; counts as `reading.note`. */
export const readingNotes = committeeTable(
  'reading_notes',
  {
    memberId: requiredReference('member_id', () => members.id),
    activityId: integer('activity_id').references(() => activities.id, { onDelete: 'set null' }),
    bookTitle: text('book_title').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    state: text('state').notNull().default('submitted'),
    returnReason: text('return_reason'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('reading_notes_member_idx').on(t.committeeId, t.memberId, t.createdAt),
    index('reading_notes_committee_state_idx').on(t.committeeId, t.state, t.createdAt),
  ],
);

/** 年度协商计划 of one committee and year; `state` follows consultationPlanWorkflowTable. */
export const consultationPlans = committeeTable(
  'consultation_plans',
  {
    year: integer('year').notNull(),
    title: text('title').notNull(),
    state: text('state').notNull().default('draft'),
    submittedAt: timestampTz('submitted_at'),
    approvedOn: timestampTz('approved_on'),
    documentNumber: text('document_number'),
    createdBy: requiredReference('created_by', () => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('consultation_plans_committee_year_key').on(t.committeeId, t.year)],
);

/** One item of a plan: a topic of a kind, led by a special committee, planned for a quarter. */
export const consultationPlanItems = committeeTable(
  'consultation_plan_items',
  {
    planId: requiredReference('plan_id', () => consultationPlans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    topic: text('topic').notNull(),
    kind: text('kind').notNull(),
    leadSpecialCommitteeId: integer('lead_special_committee_id').references(() => specialCommittees.id),
    quarter: smallint('quarter').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('consultation_plan_items_plan_idx').on(t.planId, t.position)],
);

import { boolean, date, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { committeeTable, createdAt, requiredReference, updatedAt } from './columns';

/** 届 */
export const terms = committeeTable(
  'terms',
  {
    number: integer('number').notNull(),
    name: text('name').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('terms_committee_number_key').on(t.committeeId, t.number)],
);

/** 次会议, with its proposal submission window (大会提案). */
export const plenarySessions = committeeTable(
  'plenary_sessions',
  {
    termId: requiredReference('term_id', () => terms.id),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    meetingStart: date('meeting_start').notNull(),
    meetingEnd: date('meeting_end').notNull(),
    submissionOpens: date('submission_opens').notNull(),
    submissionCloses: date('submission_closes').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('plenary_sessions_term_number_key').on(t.termId, t.number)],
);

/** 界别 and 专委会 are both ordered lists of options that can be retired. */
const optionListColumns = () => ({
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
});

export const sectors = committeeTable('sectors', optionListColumns(), (t) => [
  uniqueIndex('sectors_committee_name_key').on(t.committeeId, t.name),
]);

export const specialCommittees = committeeTable('special_committees', optionListColumns(), (t) => [
  uniqueIndex('special_committees_committee_name_key').on(t.committeeId, t.name),
]);

export const memberGroups = committeeTable(
  'member_groups',
  {
    name: text('name').notNull(),
    description: text('description'),
  },
  (t) => [uniqueIndex('member_groups_committee_name_key').on(t.committeeId, t.name)],
);

export const contactPoints = committeeTable(
  'contact_points',
  {
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    town: text('town').notNull(),
    village: text('village'),
    address: text('address'),
  },
  (t) => [uniqueIndex('contact_points_committee_name_key').on(t.committeeId, t.name)],
);

export const members = committeeTable(
  'members',
  {
    name: text('name').notNull(),
    /** `weiyangchao` and `wyc` of the name, for people search; written with the name (`nameSpelling`). */
    namePinyin: text('name_pinyin').notNull().default(''),
    nameInitials: text('name_initials').notNull().default(''),
    gender: text('gender', { enum: ['male', 'female'] }).notNull(),
    ethnicity: text('ethnicity').notNull(),
    birthMonth: text('birth_month').notNull(),
    party: text('party').notNull(),
    sectorId: requiredReference('sector_id', () => sectors.id),
    groupId: integer('group_id').references(() => memberGroups.id),
    contactPointId: integer('contact_point_id').references(() => contactPoints.id),
    employer: text('employer'),
    phone: text('phone').notNull(),
    isStandingMember: boolean('is_standing_member').notNull().default(false),
    isLeader: boolean('is_leader').notNull().default(false),
    termId: requiredReference('term_id', () => terms.id),
    status: text('status').notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('members_committee_phone_key').on(t.committeeId, t.phone),
    index('members_committee_name_idx').on(t.committeeId, t.name),
    index('members_committee_updated_idx').on(t.committeeId, t.updatedAt),
  ],
);

export const memberSpecialCommittees = pgTable(
  'member_special_committees',
  {
    memberId: requiredReference('member_id', () => members.id, { onDelete: 'cascade' }),
    specialCommitteeId: requiredReference('special_committee_id', () => specialCommittees.id),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.specialCommitteeId] })],
);

/** 机关干部 */
export const staff = committeeTable('staff', {
  name: text('name').notNull(),
  department: text('department'),
  position: text('position'),
  phone: text('phone'),
  createdAt: createdAt(),
});

/** 承办单位 */
export const units = committeeTable(
  'units',
  {
    name: text('name').notNull(),
    shortName: text('short_name'),
    contactPerson: text('contact_person'),
    contactPhone: text('contact_phone'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('units_committee_name_key').on(t.committeeId, t.name)],
);

/** 党派团体、专委会、界别、小组 that file proposals in their own name. */
export const organisationProposers = committeeTable(
  'organisation_proposers',
  {
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    convenerMemberId: integer('convener_member_id').references(() => members.id),
  },
  (t) => [uniqueIndex('organisation_proposers_committee_name_key').on(t.committeeId, t.name)],
);

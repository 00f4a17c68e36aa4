import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { committees } from './tenancy';

const committeeId = () =>
  integer('committee_id')
    .notNull()
    .references(() => committees.id);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** 届 */
export const terms = pgTable(
  'terms',
  {
    id: serial('id').primaryKey(),
    committeeId: committeeId(),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('terms_committee_number_key').on(t.committeeId, t.number)],
);

/** 次会议, with its proposal submission window (大会提案). */
export const plenarySessions = pgTable(
  'plenary_sessions',
  {
    id: serial('id').primaryKey(),
    committeeId: committeeId(),
    termId: integer('term_id')
      .notNull()
      .references(() => terms.id),
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

export const sectors = pgTable(
  'sectors',
  {
    id: serial('id').primaryKey(),
    committeeId: committeeId(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('sectors_committee_name_key').on(t.committeeId, t.name)],
);

export const specialCommittees = pgTable(
  'special_committees',
  {
    id: serial('id').primaryKey(),
    committeeId: committeeId(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('special_committees_committee_name_key').on(t.committeeId, t.name)],
);

export const memberGroups = pgTable(
  'member_groups',
  {
    id: serial('id').primaryKey(),
    committeeId: committeeId(),
    name: text('name').notNull(),
    description: text('description'),
  },
  (t) => [uniqueIndex('member_groups_committee_name_key').on(t.committeeId, t.name)],
);

export const contactPoints = pgTable(
  'contact_points',
  {
    id: serial('id').primaryKey(),
    committeeId: committeeId(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    town: text('town').notNull(),
    village: text('village'),
    address: text('address'),
  },
  (t) => [uniqueIndex('contact_points_committee_name_key').on(t.committeeId, t.name)],
);

export const members = pgTable(
  'members',
  {
    id: serial('id').primaryKey(),
    committeeId: committeeId(),
    name: text('name').notNull(),
    gender: text('gender', { enum: ['male', 'female'] }).notNull(),
    ethnicity: text('ethnicity').notNull(),
    birthMonth: text('birth_month').notNull(),
    party: text('party').notNull(),
    sectorId: integer('sector_id')
      .notNull()
      .references(() => sectors.id),
    groupId: integer('group_id').references(() => memberGroups.id),
    contactPointId: integer('contact_point_id').references(() => contactPoints.id),
    employer: text('employer'),
    phone: text('phone').notNull(),
    isStandingMember: boolean('is_standing_member').notNull().default(false),
    isLeader: boolean('is_leader').notNull().default(false),
    termId: integer('term_id')
      .notNull()
      .references(() => terms.id),
    status: text('status').notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('members_committee_phone_key').on(t.committeeId, t.phone),
    index('members_committee_name_idx').on(t.committeeId, t.name),
  ],
);

export const memberSpecialCommittees = pgTable(
  'member_special_committees',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    specialCommitteeId: integer('special_committee_id')
      .notNull()
      .references(() => specialCommittees.id),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.specialCommitteeId] })],
);

/** 机关干部 */
export const staff = pgTable('staff', {
  id: serial('id').primaryKey(),
  committeeId: committeeId(),
  name: text('name').notNull(),
  department: text('department'),
  position: text('position'),
  phone: text('phone'),
  createdAt: createdAt(),
});

/** 承办单位 */
export const units = pgTable(
  'units',
  {
    id: serial('id').primaryKey(),
    committeeId: committeeId(),
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
export const organisationProposers = pgTable(
  'organisation_proposers',
  {
    id: serial('id').primaryKey(),
    committeeId: committeeId(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    convenerMemberId: integer('convener_member_id').references(() => members.id),
  },
  (t) => [uniqueIndex('organisation_proposers_committee_name_key').on(t.committeeId, t.name)],
);

import { randomBytes } from 'node:crypto';
import type { Role } from '@cppcc/shared';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../src/db/client';
import * as s from '../src/db/schema';
import { hashPassword } from '../src/lib/auth';
import { withNameSpelling } from '../src/modules/organisation/member-search';
import type { AppInstance } from '../src/app';
import { signIn, type Session } from './harness';

/** Factories that write real rows; each takes overrides and fills the rest with valid values. */
export const testPassword = 'Test#Pass2024';
let passwordHash: Promise<string> | null = null;
export const testPasswordHash = () => (passwordHash ??= hashPassword(testPassword));
const unique = () => randomBytes(4).toString('hex');
let phoneCounter = 0;
/** Unique mobile numbers across files running in parallel: pid plus a counter. */
export const uniquePhone = () =>
  `139${String(process.pid % 10000).padStart(4, '0')}${String(++phoneCounter).padStart(4, '0')}`;

/** Inserts one row and returns it as stored. */
async function insertRow<T extends PgTable>(db: Db, table: T, values: T['$inferInsert']) {
  const rows = await db.insert(table).values(values).returning();
  return (rows as T['$inferSelect'][])[0]!;
}

type Values<T extends PgTable> = Partial<T['$inferInsert']>;

/** A factory of one table's rows in a committee: `defaults` fills in what the overrides leave out. */
const committeeRows =
  <T extends PgTable>(table: T, defaults: () => Values<T>) =>
  (db: Db, committeeId: number, overrides: Values<T> = {}) =>
    insertRow(db, table, { committeeId, ...defaults(), ...overrides } as T['$inferInsert']);

/** A factory of rows that are only a name in a committee. */
const namedRows =
  <T extends PgTable>(table: T, prefix: string) =>
  (db: Db, committeeId: number, name = `${prefix}${unique()}`) =>
    insertRow(db, table, { committeeId, name } as T['$inferInsert']);

/** Another term number for each term a factory adds on its own, so they never collide. */
const randomTermNumber = () => Math.floor(Math.random() * 1e6);

export const buildCommittee = (db: Db, overrides: Values<typeof s.committees> = {}) =>
  insertRow(db, s.committees, {
    code: `c-${unique()}`,
    name: `测试政协${unique()}`,
    level: 'county',
    ...overrides,
  });

export const buildTerm = committeeRows(s.terms, () => ({
  number: 5,
  name: '第五届',
  startDate: '2022-01-01',
  endDate: '2026-12-31',
}));
export const buildSector = namedRows(s.sectors, '界别');
export const buildSpecialCommittee = namedRows(s.specialCommittees, '专委会');
export const buildMemberGroup = namedRows(s.memberGroups, '小组');
export const buildUnit = committeeRows(s.units, () => ({ name: `单位${unique()}` }));
export const buildStaff = committeeRows(s.staff, () => ({ name: `干部${unique()}` }));
export const buildContactPoint = committeeRows(s.contactPoints, () => ({
  name: `联系点${unique()}`,
  kind: 'liaisonPoint' as const,
  town: '城关镇',
}));
export const buildOrganisationProposer = committeeRows(s.organisationProposers, () => ({
  name: `民革${unique()}`,
  kind: 'party' as const,
}));

export async function buildMember(db: Db, committeeId: number, overrides: Values<typeof s.members> = {}) {
  return insertRow(
    db,
    s.members,
    withNameSpelling({
      committeeId,
      name: `委员${unique()}`,
      gender: 'female',
      ethnicity: '汉族',
      birthMonth: '1975-06',
      party: '中共',
      phone: uniquePhone(),
      ...overrides,
      sectorId: overrides.sectorId ?? (await buildSector(db, committeeId)).id,
      termId: overrides.termId ?? (await buildTerm(db, committeeId, { number: randomTermNumber() })).id,
    }),
  );
}

export async function buildUser(
  db: Db,
  committeeId: number,
  roles: Role[],
  overrides: Values<typeof s.users> = {},
) {
  return insertRow(db, s.users, {
    committeeId,
    username: `u${unique()}`,
    displayName: `用户${unique()}`,
    passwordHash: await testPasswordHash(),
    roles,
    mustChangePassword: false,
    ...overrides,
  });
}

/** A user with the given roles, already signed in. */
export async function signedInUser(
  app: AppInstance,
  committeeId: number,
  roles: Role[],
  overrides: Values<typeof s.users> = {},
): Promise<Session & { user: typeof s.users.$inferSelect }> {
  const user = await buildUser(app.deps.database.db, committeeId, roles, overrides);
  return { ...(await signIn(app, user.username, testPassword)), user };
}

export async function buildPlenarySession(
  db: Db,
  committeeId: number,
  overrides: Values<typeof s.plenarySessions> = {},
) {
  return insertRow(db, s.plenarySessions, {
    committeeId,
    number: 1,
    name: `第一次会议${unique()}`,
    meetingStart: '2024-01-10',
    meetingEnd: '2024-01-13',
    submissionOpens: '2023-10-10',
    submissionCloses: '2024-01-12',
    ...overrides,
    termId: overrides.termId ?? (await buildTerm(db, committeeId, { number: randomTermNumber() })).id,
  });
}

/** A proposal row in any state (for access and matrix tests); builds its session, lead member and author when not given. */
export async function buildProposal(db: Db, committeeId: number, overrides: Values<typeof s.proposals> = {}) {
  const sessionId = overrides.sessionId ?? (await buildPlenarySession(db, committeeId)).id;
  const leadMemberId = overrides.leadMemberId ?? (await buildMember(db, committeeId)).id;
  const createdBy =
    overrides.createdBy ?? (await buildUser(db, committeeId, ['member'], { memberId: leadMemberId })).id;
  const row = await insertRow(db, s.proposals, {
    committeeId,
    title: `关于推进老旧小区改造的建议${unique()}`,
    category: '社会建设',
    content: '一、基本情况。二、存在问题。三、具体建议。',
    ...overrides,
    sessionId,
    leadMemberId,
    createdBy,
  });
  await db
    .insert(s.proposalProposers)
    .values({ committeeId, proposalId: row.id, memberId: leadMemberId, role: 'lead', status: 'confirmed' })
    .onConflictDoNothing();
  return row;
}

/** The named parts of a committee's organisation, built one after the other so their ids follow the order given. */
export async function buildOrganisation(
  db: Db,
  committeeId: number,
  parts: {
    terms?: Partial<typeof s.terms.$inferInsert>[];
    sectors?: string[];
    specialCommittees?: string[];
    groups?: string[];
    contactPoints?: Partial<typeof s.contactPoints.$inferInsert>[];
  },
) {
  const inOrder = async <Part, Row>(list: Part[] | undefined, build: (part: Part) => Promise<Row>) => {
    const rows: Row[] = [];
    for (const part of list ?? []) rows.push(await build(part));
    return rows;
  };
  return {
    terms: await inOrder(parts.terms, (term) => buildTerm(db, committeeId, term)),
    sectors: await inOrder(parts.sectors, (name) => buildSector(db, committeeId, name)),
    specialCommittees: await inOrder(parts.specialCommittees, (name) =>
      buildSpecialCommittee(db, committeeId, name),
    ),
    groups: await inOrder(parts.groups, (name) => buildMemberGroup(db, committeeId, name)),
    contactPoints: await inOrder(parts.contactPoints, (point) => buildContactPoint(db, committeeId, point)),
  };
}

/** An opinion row in any state (for access and matrix tests); builds its author when not given. */
export async function buildOpinion(db: Db, committeeId: number, overrides: Values<typeof s.opinions> = {}) {
  const leadMemberId =
    overrides.leadMemberId === undefined ? (await buildMember(db, committeeId)).id : overrides.leadMemberId;
  const submittedBy =
    overrides.submittedBy ??
    (await buildUser(db, committeeId, ['member'], { memberId: leadMemberId ?? undefined })).id;
  return insertRow(db, s.opinions, {
    committeeId,
    title: `关于改善农村道路的建议${unique()}`,
    category: '城乡建设',
    content: '村组道路破损，建议列入年度计划修缮。',
    submitterType: 'member',
    ...overrides,
    leadMemberId,
    submittedBy,
  });
}

/** An activity row in any state (for access and matrix tests), inviting `memberIds`; builds its creator. */
export async function buildActivity(
  db: Db,
  committeeId: number,
  overrides: Values<typeof s.activities> = {},
  memberIds: number[] = [],
) {
  const createdBy = overrides.createdBy ?? (await buildUser(db, committeeId, ['liaisonStaff'])).id;
  const startsAt = overrides.startsAt ?? new Date(Date.now() + 10 * 60_000);
  const activity = await insertRow(db, s.activities, {
    committeeId,
    kind: 'research',
    topic: `关于乡村振兴的专题调研${unique()}`,
    organiserType: 'committee',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
    place: '县政协会议室',
    signInSecret: `secret${unique()}`,
    state: 'published',
    ...overrides,
    createdBy,
  });
  for (const memberId of memberIds)
    await insertRow(db, s.activityInvitations, { committeeId, activityId: activity.id, memberId });
  return activity;
}

import { randomBytes } from 'node:crypto';
import type { Role } from '@cppcc/shared';
import type { Db } from '../src/db/client';
import * as s from '../src/db/schema';
import { hashPassword } from '../src/lib/auth';
import type { AppInstance } from '../src/app';
import { signIn, type Session } from './harness';

/** Factories that write real rows; each takes overrides and fills the rest with valid values. */
export const testPassword = 'Test#Pass2024';
let passwordHash: Promise<string> | null = null;
const testPasswordHash = () => (passwordHash ??= hashPassword(testPassword));
const unique = () => randomBytes(4).toString('hex');
let phoneCounter = 0;
/** Unique mobile numbers across files running in parallel: pid plus a counter. */
export const uniquePhone = () =>
  `139${String(process.pid % 10000).padStart(4, '0')}${String(++phoneCounter).padStart(4, '0')}`;

export async function buildCommittee(db: Db, overrides: Partial<typeof s.committees.$inferInsert> = {}) {
  const [row] = await db
    .insert(s.committees)
    .values({ code: `c-${unique()}`, name: `测试政协${unique()}`, level: 'county', ...overrides })
    .returning();
  return row!;
}

export async function buildTerm(
  db: Db,
  committeeId: number,
  overrides: Partial<typeof s.terms.$inferInsert> = {},
) {
  const [row] = await db
    .insert(s.terms)
    .values({
      committeeId,
      number: 5,
      name: '第五届',
      startDate: '2022-01-01',
      endDate: '2026-12-31',
      ...overrides,
    })
    .returning();
  return row!;
}

export async function buildSector(db: Db, committeeId: number, name = `界别${unique()}`) {
  const [row] = await db.insert(s.sectors).values({ committeeId, name }).returning();
  return row!;
}

export async function buildMember(
  db: Db,
  committeeId: number,
  overrides: Partial<typeof s.members.$inferInsert> = {},
) {
  const sectorId = overrides.sectorId ?? (await buildSector(db, committeeId)).id;
  const termId =
    overrides.termId ?? (await buildTerm(db, committeeId, { number: Math.floor(Math.random() * 1e6) })).id;
  const [row] = await db
    .insert(s.members)
    .values({
      committeeId,
      name: `委员${unique()}`,
      gender: 'female',
      ethnicity: '汉族',
      birthMonth: '1975-06',
      party: '中共',
      phone: uniquePhone(),
      ...overrides,
      sectorId,
      termId,
    })
    .returning();
  return row!;
}

export async function buildUnit(
  db: Db,
  committeeId: number,
  overrides: Partial<typeof s.units.$inferInsert> = {},
) {
  const [row] = await db
    .insert(s.units)
    .values({ committeeId, name: `单位${unique()}`, ...overrides })
    .returning();
  return row!;
}

export async function buildUser(
  db: Db,
  committeeId: number,
  roles: Role[],
  overrides: Partial<typeof s.users.$inferInsert> = {},
) {
  const [row] = await db
    .insert(s.users)
    .values({
      committeeId,
      username: `u${unique()}`,
      displayName: `用户${unique()}`,
      passwordHash: await testPasswordHash(),
      roles,
      mustChangePassword: false,
      ...overrides,
    })
    .returning();
  return row!;
}

/** A user with the given roles, already signed in. */
export async function signedInUser(
  app: AppInstance,
  committeeId: number,
  roles: Role[],
  overrides: Partial<typeof s.users.$inferInsert> = {},
): Promise<Session & { user: typeof s.users.$inferSelect }> {
  const user = await buildUser(app.deps.database.db, committeeId, roles, overrides);
  return { ...(await signIn(app, user.username, testPassword)), user };
}

export async function buildSpecialCommittee(db: Db, committeeId: number, name = `专委会${unique()}`) {
  const [row] = await db.insert(s.specialCommittees).values({ committeeId, name }).returning();
  return row!;
}

export async function buildMemberGroup(db: Db, committeeId: number, name = `小组${unique()}`) {
  const [row] = await db.insert(s.memberGroups).values({ committeeId, name }).returning();
  return row!;
}

export async function buildContactPoint(
  db: Db,
  committeeId: number,
  overrides: Partial<typeof s.contactPoints.$inferInsert> = {},
) {
  const [row] = await db
    .insert(s.contactPoints)
    .values({ committeeId, name: `联系点${unique()}`, kind: 'liaisonPoint', town: '城关镇', ...overrides })
    .returning();
  return row!;
}

export async function buildStaff(
  db: Db,
  committeeId: number,
  overrides: Partial<typeof s.staff.$inferInsert> = {},
) {
  const [row] = await db
    .insert(s.staff)
    .values({ committeeId, name: `干部${unique()}`, ...overrides })
    .returning();
  return row!;
}

export async function buildPlenarySession(
  db: Db,
  committeeId: number,
  overrides: Partial<typeof s.plenarySessions.$inferInsert> = {},
) {
  const termId =
    overrides.termId ?? (await buildTerm(db, committeeId, { number: Math.floor(Math.random() * 1e6) })).id;
  const [row] = await db
    .insert(s.plenarySessions)
    .values({
      committeeId,
      number: 1,
      name: `第一次会议${unique()}`,
      meetingStart: '2024-01-10',
      meetingEnd: '2024-01-13',
      submissionOpens: '2023-10-10',
      submissionCloses: '2024-01-12',
      ...overrides,
      termId,
    })
    .returning();
  return row!;
}

export async function buildOrganisationProposer(
  db: Db,
  committeeId: number,
  overrides: Partial<typeof s.organisationProposers.$inferInsert> = {},
) {
  const [row] = await db
    .insert(s.organisationProposers)
    .values({ committeeId, name: `民革${unique()}`, kind: 'party', ...overrides })
    .returning();
  return row!;
}

/** A proposal row in any state (for access and matrix tests); builds its session, lead member and author when not given. */
export async function buildProposal(
  db: Db,
  committeeId: number,
  overrides: Partial<typeof s.proposals.$inferInsert> = {},
) {
  const sessionId = overrides.sessionId ?? (await buildPlenarySession(db, committeeId)).id;
  const leadMemberId = overrides.leadMemberId ?? (await buildMember(db, committeeId)).id;
  const createdBy =
    overrides.createdBy ?? (await buildUser(db, committeeId, ['member'], { memberId: leadMemberId })).id;
  const [row] = await db
    .insert(s.proposals)
    .values({
      committeeId,
      title: `关于推进老旧小区改造的建议${unique()}`,
      category: '社会建设',
      content: '一、基本情况。二、存在问题。三、具体建议。',
      ...overrides,
      sessionId,
      leadMemberId,
      createdBy,
    })
    .returning();
  await db
    .insert(s.proposalProposers)
    .values({ committeeId, proposalId: row!.id, memberId: leadMemberId, role: 'lead', status: 'confirmed' })
    .onConflictDoNothing();
  return row!;
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

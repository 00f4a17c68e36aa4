import { afterAll, beforeAll, expect } from 'vitest';
import type { Role } from '@cppcc/shared';
import * as s from '../../db/schema';
import { caller } from '../../../test/committee-app';
import { createTestApp, type TestContext } from '../../../test/harness';
export { crowdOfMembers } from '../../../test/crowd';
import {
  buildCommittee,
  buildMember,
  buildMemberGroup,
  buildSector,
  buildSpecialCommittee,
  buildTerm,
  signedInUser,
} from '../../../test/factories';

/**
 * A county committee with the activity roles signed in: liaison staff, a leader and members (two
 * standing members, one of whom is in a group with a third; one outside every group), and another
 * committee's staff and member.
 */
export async function activityWorld(t: TestContext) {
  const db = t.database.db;
  const county = await buildCommittee(db, { level: 'county', name: '永宁县政协' });
  const other = await buildCommittee(db, { level: 'county', name: '贺兰县政协' });
  const term = await buildTerm(db, county.id);
  const sector = await buildSector(db, county.id, '经济界');
  const group = await buildMemberGroup(db, county.id, '第一活动小组');
  const specialCommittee = await buildSpecialCommittee(db, county.id, '经济委员会');
  const member = (name: string, o: Partial<typeof s.members.$inferInsert> = {}) =>
    buildMember(db, county.id, { termId: term.id, sectorId: sector.id, name, ...o });
  const members = {
    standing: await member('王建国', { isStandingMember: true, groupId: group.id }),
    standing2: await member('李秀兰', { isStandingMember: true }),
    grouped: await member('赵志强', { groupId: group.id }),
    outsider: await member('马文华'),
  };
  const otherTerm = await buildTerm(db, other.id);
  const otherMember = await buildMember(db, other.id, { termId: otherTerm.id, name: '周明' });
  const user = (committeeId: number, roles: Role[], o: Partial<typeof s.users.$inferInsert> = {}) =>
    signedInUser(t.app, committeeId, roles, o);
  const users = {
    staff: await user(county.id, ['liaisonStaff'], { displayName: '联络科刘洋' }),
    leader: await user(county.id, ['leader'], { displayName: '张主席' }),
    standing: await user(county.id, ['member'], { memberId: members.standing.id, displayName: '王建国' }),
    standing2: await user(county.id, ['member'], { memberId: members.standing2.id, displayName: '李秀兰' }),
    grouped: await user(county.id, ['member'], { memberId: members.grouped.id, displayName: '赵志强' }),
    outsider: await user(county.id, ['member'], { memberId: members.outsider.id, displayName: '马文华' }),
    opinionStaff: await user(county.id, ['opinionStaff']),
    otherStaff: await user(other.id, ['liaisonStaff']),
    otherMember: await user(other.id, ['member'], { memberId: otherMember.id }),
  };
  return { db, committees: { county, other }, term, sector, group, specialCommittee, members, users };
}
export type ActivityWorld = Awaited<ReturnType<typeof activityWorld>>;

/** This file's test app with an activity world, opened before the file's tests and closed after them. */
export function useActivityWorld() {
  const t = {} as TestContext;
  const w = {} as ActivityWorld;
  beforeAll(async () => {
    Object.assign(t, await createTestApp());
    Object.assign(w, await activityWorld(t));
  });
  afterAll(() => t.close?.());
  return { t, w, call: caller(t) };
}

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

/** A valid new activity starting `startsInMinutes` from now, lasting two hours. */
export const validActivity = (startsInMinutes = 3 * 24 * 60, o: Record<string, unknown> = {}) => ({
  kind: 'research',
  topic: '关于农村人居环境整治的专题调研',
  organiserType: 'committee',
  startsAt: inMinutes(startsInMinutes),
  endsAt: inMinutes(startsInMinutes + 120),
  place: '县政协三楼会议室',
  ...o,
});

/** A new activity created by the world's staff, inviting `memberIds`, and published unless told. */
export async function walkActivity(
  t: TestContext,
  w: ActivityWorld,
  options: {
    startsInMinutes?: number;
    memberIds?: number[];
    publish?: boolean;
    body?: Record<string, unknown>;
  } = {},
) {
  const call = caller(t);
  const memberIds = options.memberIds ?? Object.values(w.members).map((m) => m.id);
  const created = await call(
    w.users.staff,
    'POST',
    '/activities',
    validActivity(options.startsInMinutes, { invite: { memberIds }, ...options.body }),
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  if (options.publish === false) return created.body;
  const published = await call(w.users.staff, 'POST', `/activities/${created.body.id}/publish`, {
    version: created.body.version,
  });
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return published.body;
}

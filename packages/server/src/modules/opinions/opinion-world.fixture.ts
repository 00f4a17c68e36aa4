import { afterAll, beforeAll, expect } from 'vitest';
import type { Role } from '@cppcc/shared';
import * as s from '../../db/schema';
import { caller } from '../../../test/committee-app';
import { createTestApp, type Session, type TestContext } from '../../../test/harness';
import {
  buildCommittee,
  buildMember,
  buildSector,
  buildTerm,
  buildUnit,
  signedInUser,
} from '../../../test/factories';

/**
 * Three levels of committees (province ← city ← county, and a sibling county of the same city), with
 * the opinion roles of each signed in: the county's authors, a liaison, its staff, units and leader;
 * the city's and province's staff and leaders.
 */
export async function opinionWorld(t: TestContext) {
  const db = t.database.db;
  const province = await buildCommittee(db, { level: 'province', name: '自治区政协' });
  const city = await buildCommittee(db, { level: 'city', name: '银川市政协', parentId: province.id });
  const county = await buildCommittee(db, { level: 'county', name: '永宁县政协', parentId: city.id });
  const sibling = await buildCommittee(db, { level: 'county', name: '贺兰县政协', parentId: city.id });
  const term = await buildTerm(db, county.id);
  const sector = await buildSector(db, county.id, '农业界');
  const member = (name: string) => buildMember(db, county.id, { termId: term.id, sectorId: sector.id, name });
  const authorMember = await member('王建国');
  const coMember = await member('李秀兰');
  const otherMember = await member('赵志强');
  const hotline = await buildUnit(db, county.id, { name: '县12345政务服务便民热线' });
  const department = await buildUnit(db, county.id, { name: '县农业农村局' });
  const otherUnit = await buildUnit(db, county.id, { name: '县教育局' });
  const user = (committeeId: number, roles: Role[], o: Partial<typeof s.users.$inferInsert> = {}) =>
    signedInUser(t.app, committeeId, roles, o);
  const users = {
    author: await user(county.id, ['member'], { memberId: authorMember.id, displayName: '王建国' }),
    co: await user(county.id, ['member'], { memberId: coMember.id, displayName: '李秀兰' }),
    other: await user(county.id, ['member'], { memberId: otherMember.id, displayName: '赵志强' }),
    liaison: await user(county.id, ['infoLiaison'], { displayName: '马信息' }),
    staff: await user(county.id, ['opinionStaff'], { displayName: '县信息科刘洋' }),
    staff2: await user(county.id, ['opinionStaff'], { displayName: '县信息科陈静' }),
    proposalStaff: await user(county.id, ['proposalStaff']),
    leader: await user(county.id, ['leader']),
    hotline: await user(county.id, ['unitHandler'], { unitId: hotline.id }),
    department: await user(county.id, ['unitHandler'], { unitId: department.id }),
    otherUnit: await user(county.id, ['unitHandler'], { unitId: otherUnit.id }),
    cityStaff: await user(city.id, ['opinionStaff'], { displayName: '市信息处张敏' }),
    cityLeader: await user(city.id, ['leader']),
    provinceStaff: await user(province.id, ['opinionStaff'], { displayName: '区信息处马丽' }),
    siblingStaff: await user(sibling.id, ['opinionStaff']),
  };
  return {
    db,
    committees: { province, city, county, sibling },
    members: { author: authorMember, co: coMember, other: otherMember },
    units: { hotline, department, otherUnit },
    users,
  };
}
export type OpinionWorld = Awaited<ReturnType<typeof opinionWorld>>;

/** This file's test app with an opinion world, opened before the file's tests and closed after them. */
export function useOpinionWorld() {
  const t = {} as TestContext;
  const w = {} as OpinionWorld;
  beforeAll(async () => {
    Object.assign(t, await createTestApp());
    Object.assign(w, await opinionWorld(t));
  });
  afterAll(() => t.close?.());
  return { t, w, call: caller(t) };
}

export const validOpinion = (o: Record<string, unknown> = {}) => ({
  title: '关于解决枸杞种植户销售难的建议',
  category: '经济发展',
  content: '今年枸杞丰收，但收购价格下跌，种植户销售困难。建议搭建线上销售平台，组织企业订单收购。',
  ...o,
});

/** States the walk can bring a new opinion of the world's author to. */
export type OpinionWalkTarget = 'draft' | 'submitted' | 'editing' | 'adopted' | 'archived' | 'returned';

/**
 * A new opinion of `author` (default the world's author) brought to `target` through the API as the
 * real roles would: drafted, reported, edited and decided by the county's staff.
 */
export async function walkOpinion(
  t: TestContext,
  w: OpinionWorld,
  target: OpinionWalkTarget,
  options: { author?: Session; body?: Record<string, unknown> } = {},
) {
  const call = caller(t);
  const step = async (who: Session, path: string, payload: unknown = {}) => {
    const res = await call(who, 'POST', path, payload);
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
    return res.body;
  };
  const created = await call(
    options.author ?? w.users.author,
    'POST',
    '/opinions',
    validOpinion(options.body),
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  let o = created.body;
  if (target === 'draft') return o;
  o = await step(options.author ?? w.users.author, `/opinions/${o.id}/submit`, { version: o.version });
  if (target === 'submitted') return o;
  if (target === 'returned')
    return step(w.users.staff, `/opinions/${o.id}/return`, { comment: '请补充具体数据' });
  o = await step(w.users.staff, `/opinions/${o.id}/start-editing`, { version: o.version });
  if (target === 'editing') return o;
  if (target === 'archived')
    return step(w.users.staff, `/opinions/${o.id}/archive`, { reason: '已有同类信息' });
  return step(w.users.staff, `/opinions/${o.id}/adopt`, { version: o.version });
}

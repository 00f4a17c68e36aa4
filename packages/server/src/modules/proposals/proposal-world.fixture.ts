import { and, eq } from 'drizzle-orm';
import type { Role } from '@cppcc/shared';
import * as s from '../../db/schema';
import { as, type Session, type TestContext } from '../../../test/harness';
import {
  buildCommittee,
  buildMember,
  buildPlenarySession,
  buildSector,
  buildTerm,
  buildUnit,
  signedInUser,
} from '../../../test/factories';

/** A committee with a session whose window is open, two members, two units and every proposal role signed in. */
export async function proposalWorld(t: TestContext) {
  const db = t.database.db;
  const committee = await buildCommittee(db);
  const term = await buildTerm(db, committee.id);
  const today = new Date();
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const session = await buildPlenarySession(db, committee.id, {
    termId: term.id,
    submissionOpens: day(-30),
    submissionCloses: day(30),
    meetingStart: day(25),
    meetingEnd: day(28),
  });
  const sector = await buildSector(db, committee.id, '经济界');
  const leadMember = await buildMember(db, committee.id, {
    termId: term.id,
    sectorId: sector.id,
    name: '王建国',
  });
  const coMember = await buildMember(db, committee.id, {
    termId: term.id,
    sectorId: sector.id,
    name: '李秀兰',
  });
  const otherMember = await buildMember(db, committee.id, {
    termId: term.id,
    sectorId: sector.id,
    name: '赵志强',
  });
  const unitA = await buildUnit(db, committee.id, { name: '县住房和城乡建设局' });
  const unitB = await buildUnit(db, committee.id, { name: '县财政局' });
  const unitC = await buildUnit(db, committee.id, { name: '县教育局' });
  const user = (roles: Role[], o: Partial<typeof s.users.$inferInsert> = {}) =>
    signedInUser(t.app, committee.id, roles, o);
  const lead = await user(['member'], { memberId: leadMember.id, displayName: '王建国' });
  const co = await user(['member'], { memberId: coMember.id, displayName: '李秀兰' });
  const other = await user(['member'], { memberId: otherMember.id });
  const staff = await user(['proposalStaff'], { displayName: '提案委张科长' });
  const staff2 = await user(['proposalStaff']);
  const handlerA = await user(['unitHandler'], { unitId: unitA.id });
  const headA = await user(['unitHead'], { unitId: unitA.id });
  const handlerB = await user(['unitHandler'], { unitId: unitB.id });
  const headB = await user(['unitHead'], { unitId: unitB.id });
  const handlerC = await user(['unitHandler'], { unitId: unitC.id });
  const leader = await user(['leader']);
  const partyLeader = await user(['partyLeader']);
  return {
    db,
    committee,
    session,
    sector,
    members: { lead: leadMember, co: coMember, other: otherMember },
    units: { a: unitA, b: unitB, c: unitC },
    users: {
      lead,
      co,
      other,
      staff,
      staff2,
      handlerA,
      headA,
      handlerB,
      headB,
      handlerC,
      leader,
      partyLeader,
    },
  };
}
export type World = Awaited<ReturnType<typeof proposalWorld>>;

/** app.inject as a signed-in user, returning status and parsed body. */
export function caller(t: TestContext) {
  return async (who: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const res = await t.app.inject({
      method,
      url: `/api${url}`,
      headers: as(who),
      payload: payload as object | undefined,
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };
}

export const validProposal = (o: Record<string, unknown> = {}) => ({
  title: '关于加快推进城区老旧小区改造的建议',
  category: '社会建设',
  content:
    '一、基本情况：城区现有老旧小区 46 个。二、存在问题：管网老化、缺少电梯。三、建议：统筹资金，分批改造。',
  ...o,
});

export async function notificationsOf(db: World['db'], userId: number, kind: string) {
  return db
    .select()
    .from(s.notifications)
    .where(and(eq(s.notifications.userId, userId), eq(s.notifications.kind, kind)));
}

export async function dutyOf(db: World['db'], proposalId: number) {
  return db
    .select()
    .from(s.dutyRecords)
    .where(and(eq(s.dutyRecords.sourceType, 'proposal'), eq(s.dutyRecords.sourceId, proposalId)));
}

import { afterAll, beforeAll, expect } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Role } from '@cppcc/shared';
import * as s from '../../db/schema';
import { createTestApp, type Session, type TestContext } from '../../../test/harness';
import { caller } from '../../../test/committee-app';

export { caller, notificationsOf } from '../../../test/committee-app';
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

/**
 * This file's test app with a proposal world, opened before the file's tests and closed after them.
 * The objects are filled in by `beforeAll`: read them inside hooks and tests, not while the file loads.
 */
export function useProposalWorld() {
  const t = {} as TestContext;
  const w = {} as World;
  beforeAll(async () => {
    Object.assign(t, await createTestApp());
    Object.assign(w, await proposalWorld(t));
  });
  // Optional call: when opening failed there is nothing to close, and that failure is the one to see.
  afterAll(() => t.close?.());
  return { t, w, call: caller(t) };
}

export const validProposal = (o: Record<string, unknown> = {}) => ({
  title: '关于加快推进城区老旧小区改造的建议',
  category: '社会建设',
  content:
    '一、基本情况：城区现有老旧小区 46 个。二、存在问题：管网老化、缺少电梯。三、建议：统筹资金，分批改造。',
  ...o,
});

export async function dutyOf(db: World['db'], proposalId: number) {
  return db
    .select()
    .from(s.dutyRecords)
    .where(and(eq(s.dutyRecords.sourceType, 'proposal'), eq(s.dutyRecords.sourceId, proposalId)));
}

/** States the shared walk can bring a new proposal of the world's lead member to. */
export type WalkTarget =
  | 'draft'
  | 'cosigning'
  | 'submitted'
  | 'reviewing'
  | 'returned'
  | 'withdrawn'
  | 'rejected'
  | 'accepted'
  | 'assigned'
  | 'answered'
  | 'closed';

/** Each target's path from a draft, as the API's command paths. */
const walkPaths: Record<WalkTarget, string[]> = {
  draft: [],
  cosigning: ['request-cosign'],
  submitted: ['submit'],
  reviewing: ['submit', 'claim-review'],
  returned: ['submit', 'claim-review', 'return'],
  withdrawn: ['submit', 'withdraw'],
  rejected: ['submit', 'claim-review', 'reject'],
  accepted: ['submit', 'claim-review', 'accept'],
  assigned: ['submit', 'claim-review', 'accept', 'assign'],
  answered: ['submit', 'claim-review', 'accept', 'assign', 'answer'],
  closed: ['submit', 'claim-review', 'accept', 'assign', 'answer', 'rate'],
};

/** Every target of the walk, in the order of `walkPaths` (the type makes it name each one). */
export const walkTargets = Object.keys(walkPaths) as WalkTarget[];

export interface WalkOptions {
  /** Fields of the new proposal besides `validProposal()`'s. */
  proposal?: Record<string, unknown>;
  /** The units of `assign`; unit A as lead by default. */
  units?: { unitId: number; role: 'lead' | 'co' | 'separate' }[];
}

/**
 * Creates a proposal as the world's lead member and walks it through the API to `target`, as the
 * real roles would (staff review, unit A's handler and head answer, the lead member rates).
 * Every step must succeed; returns the proposal as its last actor sees it.
 */
export async function walkProposal(t: TestContext, w: World, target: WalkTarget, options: WalkOptions = {}) {
  const call = caller(t);
  const { users } = w;
  const expectOk = (res: { status: number; body: unknown }, step: string) => {
    if (res.status !== 200 && res.status !== 201)
      throw new Error(`walk to ${target}: ${step} answered ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: number; answers: { id: number; unitId: number; state: string }[] };
  };
  // A co-signing walk needs someone to invite: the world's co member.
  const fields =
    target === 'cosigning'
      ? { coProposerMemberIds: [w.members.co.id], ...options.proposal }
      : options.proposal;
  let proposal = expectOk(await call(users.lead, 'POST', '/proposals', validProposal(fields)), 'create');
  const id = proposal.id;
  const post = async (who: Session, path: string, body: unknown = {}) =>
    (proposal = expectOk(await call(who, 'POST', `/proposals/${id}/${path}`, body), path));
  for (const step of walkPaths[target]) {
    if (step === 'request-cosign') await post(users.lead, step);
    else if (step === 'submit' || step === 'withdraw') await post(users.lead, step);
    else if (step === 'return') await post(users.staff, step, { comment: '请补充具体数据' });
    else if (step === 'reject')
      await post(users.staff, step, {
        ground: '内容空泛、没有具体建议',
        reason: '未提出具体可行的建议',
        disposition: 'none',
      });
    else if (step === 'assign')
      await post(users.staff, step, { units: options.units ?? [{ unitId: w.units.a.id, role: 'lead' }] });
    else if (step === 'answer') {
      await post(users.handlerA, 'acknowledge');
      await post(users.handlerA, 'answer', {
        category: 'A',
        text: '已列入明年计划。',
        contactPerson: '刘洋',
        contactPhone: '13800138000',
      });
      await post(users.handlerA, 'answer/submit');
      await post(users.headA, 'answer/head-approve');
      const sent = proposal.answers.find((a) => a.unitId === w.units.a.id && a.state === 'sent')!;
      await post(users.staff, 'answer/review', { answerId: sent.id, approve: true });
    } else if (step === 'rate') {
      const answer = proposal.answers.at(-1)!;
      await post(users.lead, 'rate', {
        answerId: answer.id,
        satisfaction: 'satisfied',
        attitude: 'satisfied',
        relevance: 'targeted',
      });
    } else await post(users.staff, step);
  }
  return proposal;
}

/** Staff 办结 is refused with `message` until they give a reason, then goes through. */
export async function expectCloseOnlyWithReason(
  t: TestContext,
  w: World,
  proposalId: number,
  message: string,
) {
  const call = caller(t);
  const silent = await call(w.users.staff, 'POST', `/proposals/${proposalId}/close`, {});
  expect(silent.status).toBe(400);
  expect(JSON.stringify(silent.body)).toContain(message);
  const reasoned = await call(w.users.staff, 'POST', `/proposals/${proposalId}/close`, {
    note: '已电话联系，按办结处理',
  });
  expect(reasoned.status, JSON.stringify(reasoned.body)).toBe(200);
  expect(reasoned.body.state).toBe('closed');
}

import { afterAll, beforeAll, expect, it } from 'vitest';
import { as, createTestApp, type TestContext, injectAs } from '../../../test/harness';
import type { HomeCardDto } from '@cppcc/shared';
import {
  buildCommittee,
  buildMember,
  buildPlenarySession,
  buildProposal,
  buildTerm,
  signedInUser,
} from '../../../test/factories';
import { proposalProposers } from '../../db/schema';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const cardsOf = async (session: Parameters<typeof as>[0]) => {
  const res = await t.app.inject({ method: 'GET', url: '/api/home', headers: as(session) });
  expect(res.statusCode).toBe(200);
  return new Map((res.json().cards as { key: string; value?: number }[]).map((c) => [c.key, c.value]));
};

it('shows a member the invitations and answers waiting for them, and staff their queues', async () => {
  const db = t.database.db;
  const committee = await buildCommittee(db);
  const member = await buildMember(db, committee.id);
  const invitee = await buildMember(db, committee.id);
  await buildProposal(db, committee.id, { leadMemberId: member.id, state: 'answered' });
  await buildProposal(db, committee.id, {
    leadMemberId: member.id,
    state: 'submitted',
    submittedAt: new Date(),
  });
  const invited = await buildProposal(db, committee.id, { state: 'cosigning' });
  await db.insert(proposalProposers).values({
    committeeId: committee.id,
    proposalId: invited.id,
    memberId: invitee.id,
    role: 'co',
    status: 'invited',
    invitedAt: new Date(),
    deadline: new Date(Date.now() + 86_400_000),
  });

  const memberCards = await cardsOf(
    await signedInUser(t.app, committee.id, ['member'], { memberId: member.id }),
  );
  expect(memberCards.get('proposals.mine')).toBe(2);
  expect(memberCards.get('proposals.toRate')).toBe(1);
  expect(memberCards.get('proposals.cosign')).toBe(0);
  const inviteeCards = await cardsOf(
    await signedInUser(t.app, committee.id, ['member'], { memberId: invitee.id }),
  );
  expect(inviteeCards.get('proposals.cosign')).toBe(1);

  const staffCards = await cardsOf(await signedInUser(t.app, committee.id, ['proposalStaff']));
  expect(staffCards.get('proposals.review')).toBe(1);
  expect(staffCards.has('proposals.mine')).toBe(false);

  // Another committee's staff see none of these proposals.
  const other = await buildCommittee(db);
  const otherCards = await cardsOf(await signedInUser(t.app, other.id, ['proposalStaff']));
  expect(otherCards.get('proposals.review')).toBe(0);
});

it('lists leaders and party leaders as supervisor candidates to staff and leaders only', async () => {
  const db = t.database.db;
  const committee = await buildCommittee(db);
  const leader = await signedInUser(t.app, committee.id, ['leader', 'member'], { displayName: '张主席' });
  await signedInUser(t.app, committee.id, ['partyLeader'], { displayName: '李副区长' });
  await signedInUser(t.app, committee.id, ['proposalStaff'], { displayName: '不是领导' });
  const staff = await signedInUser(t.app, committee.id, ['proposalStaff']);
  for (const viewer of [staff, leader]) {
    const res = await injectAs(t, viewer, 'GET', '/api/proposals/supervisor-candidates');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { name: string; title: string }[];
    expect(items.map((i) => i.name).sort()).toEqual(['张主席', '李副区长'].sort());
    expect(items.find((i) => i.name === '李副区长')!.title).toBe('党政领导');
  }
  const member = await signedInUser(t.app, committee.id, ['member']);
  const refused = await injectAs(t, member, 'GET', '/api/proposals/supervisor-candidates');
  expect(refused.statusCode).toBe(403);
});

it('gives a leader the latest session’s overview, the same figures the statistics page shows', async () => {
  const db = t.database.db;
  const committee = await buildCommittee(db);
  const term = await buildTerm(db, committee.id);
  const earlier = await buildPlenarySession(db, committee.id, { termId: term.id, number: 1 });
  const latest = await buildPlenarySession(db, committee.id, {
    termId: term.id,
    number: 2,
    name: '一届二次会议',
    meetingStart: '2025-01-10',
    meetingEnd: '2025-01-13',
  });
  for (const state of ['submitted', 'accepted', 'answered', 'answered'] as const)
    await buildProposal(db, committee.id, { sessionId: latest.id, state });
  await buildProposal(db, committee.id, { sessionId: earlier.id, state: 'answered' });

  const leader = await signedInUser(t.app, committee.id, ['leader']);
  const res = await t.app.inject({ method: 'GET', url: '/api/home', headers: as(leader) });
  const card = (res.json().cards as HomeCardDto[]).find((c) => c.key === 'proposals.sessionOverview')!;
  expect(card).toMatchObject({
    title: '一届二次会议提案',
    value: 4,
    link: `/proposals/figures?sessionId=${latest.id}`,
  });
  expect(card.items).toEqual([
    { label: '立案', value: 3, unit: '件', link: `/proposals?sessionId=${latest.id}&stage=accepted` },
    { label: '已办复', value: 2, unit: '件', link: `/proposals?sessionId=${latest.id}&stage=answered` },
    { label: '办复率', value: 66.7, unit: '%', link: `/proposals?sessionId=${latest.id}&stage=answered` },
    // Nothing rated yet: no satisfaction rate rather than 0%.
  ]);
  const figures = await injectAs(t, leader, 'GET', `/api/proposals/figures?sessionId=${latest.id}`);
  expect(figures.json().totals.find((f: { key: string }) => f.key === 'submitted').value).toBe(card.value);

  const member = await signedInUser(t.app, committee.id, ['member'], {
    memberId: (await buildMember(db, committee.id)).id,
  });
  expect((await cardsOf(member)).has('proposals.sessionOverview')).toBe(false);
});

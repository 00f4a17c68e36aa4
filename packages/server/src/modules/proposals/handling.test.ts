import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as s from '../../db/schema';
import { buildOrganisationProposer } from '../../../test/factories';
import {
  dutyOf,
  notificationsOf,
  useProposalWorld,
  validProposal,
  walkProposal,
} from './proposal-world.fixture';
import { runProposalReminders } from './reminders';

const { t, w, call } = useProposalWorld();

const answerBody = (category: string) => ({
  category,
  text: '已列入明年计划。',
  contactPerson: '刘洋',
  contactPhone: '13800138000',
});
const rating = (answerId: number, satisfaction: string) => ({
  answerId,
  satisfaction,
  attitude: 'satisfied',
  relevance: 'partly',
  ...(satisfaction === 'dissatisfied' ? { comment: '答复未回应提出的具体建议' } : {}),
});

const accepted = async () => (await walkProposal(t, w, 'accepted')).id;
/** Units A and B, each answering separately (分办). */
const separately = () => [
  { unitId: w.units.a.id, role: 'separate' as const },
  { unitId: w.units.b.id, role: 'separate' as const },
];
/** A proposal assigned to unit A as lead unit. */
const assignedToUnitA = async () => (await walkProposal(t, w, 'assigned')).id;

/** Acknowledge, answer, submit, head approve and staff approve for one unit; returns the last response. */
async function answerAs(
  id: number,
  handler: typeof w.users.handlerA,
  head: typeof w.users.headA,
  category: string,
) {
  await call(handler, 'POST', `/proposals/${id}/acknowledge`, {});
  expect((await call(handler, 'POST', `/proposals/${id}/answer`, answerBody(category))).status).toBe(200);
  await call(handler, 'POST', `/proposals/${id}/answer/submit`, {});
  const sent = await call(head, 'POST', `/proposals/${id}/answer/head-approve`, {});
  const mine = sent.body.answers.filter(
    (a: { unitId: number; state: string }) => a.unitId === handler.user.unitId && a.state === 'sent',
  );
  return call(w.users.staff, 'POST', `/proposals/${id}/answer/review`, {
    answerId: mine.at(-1).id,
    approve: true,
  });
}

describe('separate units (分办)', () => {
  it('each unit answers; the proposal is answered only when both are approved, and rated per answer', async () => {
    const assigned = await walkProposal(t, w, 'assigned', { units: separately() });
    const id = assigned.id;
    expect(assigned).toMatchObject({ assignmentMode: 'separate' });
    const first = await answerAs(id, w.users.handlerA, w.users.headA, 'B');
    expect(first.body.state).toBe('assigned');
    const second = await answerAs(id, w.users.handlerB, w.users.headB, 'A');
    expect(second.body.state).toBe('answered');
    const answers = (await call(w.users.lead, 'GET', `/proposals/${id}`)).body.answers;
    expect(answers).toHaveLength(2);
    // A unit sees the ratings of its own answer only.
    await call(w.users.lead, 'POST', `/proposals/${id}/rate`, rating(answers[0].id, 'satisfied'));
    const partial = await call(
      w.users.lead,
      'POST',
      `/proposals/${id}/rate`,
      rating(answers[1].id, 'basicallySatisfied'),
    );
    expect(partial.body.state).toBe('closed');
    const ratingsB = (await call(w.users.handlerB, 'GET', `/proposals/${id}`)).body.ratings;
    expect(ratingsB.map((r: { answerId: number }) => r.answerId)).toEqual([
      answers.find((a: { unitId: number }) => a.unitId === w.units.b.id).id,
    ]);
  });
});

describe('re-handling with separate units', () => {
  it('only the unit rated 不满意 answers again; the other keeps its answer', async () => {
    const { id } = await walkProposal(t, w, 'assigned', { units: separately() });
    await answerAs(id, w.users.handlerA, w.users.headA, 'A');
    const done = await answerAs(id, w.users.handlerB, w.users.headB, 'C');
    expect(done.body).toMatchObject({ state: 'answered', answerCategory: 'A' });
    const [a, b] = done.body.answers;
    await call(w.users.lead, 'POST', `/proposals/${id}/rate`, rating(a.id, 'satisfied'));
    const back = await call(w.users.lead, 'POST', `/proposals/${id}/rate`, rating(b.id, 'dissatisfied'));
    expect(back.body.state).toBe('rehandling');
    const refused = await call(w.users.handlerA, 'POST', `/proposals/${id}/answer`, answerBody('A'));
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/无需再次答复/);
    const again = await answerAs(id, w.users.handlerB, w.users.headB, 'B');
    expect(again.body.state).toBe('answered');
    const second = again.body.answers.find((x: { round: number }) => x.round === 2);
    expect(second.unitId).toBe(w.units.b.id);
    const closed = await call(
      w.users.lead,
      'POST',
      `/proposals/${id}/rate`,
      rating(second.id, 'basicallySatisfied'),
    );
    expect(closed.body.state).toBe('closed');
  });
});

describe('re-handling limit and staff close', () => {
  it('a second 不满意 closes the proposal once the configured re-handling is used', async () => {
    const id = await assignedToUnitA();
    const r1 = await answerAs(id, w.users.handlerA, w.users.headA, 'C');
    expect(r1.body.state).toBe('answered');
    const a1 = r1.body.answers.at(-1).id;
    expect(
      (await call(w.users.lead, 'POST', `/proposals/${id}/rate`, rating(a1, 'dissatisfied'))).body.state,
    ).toBe('rehandling');
    const r2 = await answerAs(id, w.users.handlerA, w.users.headA, 'B');
    const a2 = r2.body.answers.at(-1).id;
    const closed = await call(w.users.lead, 'POST', `/proposals/${id}/rate`, rating(a2, 'dissatisfied'));
    expect(closed.body).toMatchObject({ state: 'closed', rehandleCount: 1 });
  });

  it('staff close an answered proposal whose proposers did not rate', async () => {
    const id = await assignedToUnitA();
    await answerAs(id, w.users.handlerA, w.users.headA, 'A');
    expect((await call(w.users.lead, 'POST', `/proposals/${id}/close`, {})).status).toBe(403);
    const closed = await call(w.users.staff, 'POST', `/proposals/${id}/close`, { note: '提案人逾期未评价' });
    expect(closed.body.state).toBe('closed');
  });
});

describe('follow-up (回头看)', () => {
  it('staff request an update on a B answer; the unit reports; A answers are refused', async () => {
    const id = await assignedToUnitA();
    const done = await answerAs(id, w.users.handlerA, w.users.headA, 'B');
    const answerId = done.body.answers.at(-1).id;
    // The proposer has not rated: staff close it with the reason.
    await call(w.users.staff, 'POST', `/proposals/${id}/close`, { note: '提案人逾期未评价' });
    expect((await call(w.users.handlerA, 'POST', `/proposals/${id}/followups`, { answerId })).status).toBe(
      403,
    );
    const req = await call(w.users.staff, 'POST', `/proposals/${id}/followups`, {
      answerId,
      note: '请报送年度落实情况',
    });
    expect(req.status, JSON.stringify(req.body)).toBe(200);
    expect(await notificationsOf(w.db, w.users.handlerA.userId, 'proposal.followup')).toHaveLength(1);
    const followupId = req.body.followups[0].id;
    expect((await call(w.users.staff, 'POST', `/proposals/${id}/followups`, { answerId })).status).toBe(409);
    const report = await call(w.users.handlerA, 'POST', `/proposals/${id}/followups/report`, {
      followupId,
      implementation: 'inProgress',
      report: '已完成一期改造，二期明年开工',
    });
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body.followups[0]).toMatchObject({ status: 'reported', implementation: 'inProgress' });
    expect(report.body.state).toBe('closed');

    const candidates = await call(w.users.staff, 'GET', '/proposals?view=followup&pageSize=200');
    expect(candidates.body.items.map((i: { id: number }) => i.id)).toContain(id);
    expect(candidates.body.items.every((i: { answerCategory: string }) => i.answerCategory !== 'A')).toBe(
      true,
    );
    expect((await call(w.users.leader, 'GET', '/proposals?view=followup')).status).toBe(403);
    const id2 = await assignedToUnitA();
    const a = await answerAs(id2, w.users.handlerA, w.users.headA, 'A');
    const refused = await call(w.users.staff, 'POST', `/proposals/${id2}/followups`, {
      answerId: a.body.answers.at(-1).id,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/B 类、C 类/);
  });
});

describe('co-proposers', () => {
  it('a declined invitation and an expired one drop off at submission', async () => {
    const created = await call(
      w.users.lead,
      'POST',
      '/proposals',
      validProposal({ coProposerMemberIds: [w.members.co.id, w.members.other.id] }),
    );
    const id = created.body.id;
    await call(w.users.lead, 'POST', `/proposals/${id}/request-cosign`, {});
    expect(
      (await call(w.users.co, 'POST', `/proposals/${id}/respond-cosign`, { confirm: false })).status,
    ).toBe(200);
    expect(
      (await call(w.users.co, 'POST', `/proposals/${id}/respond-cosign`, { confirm: true })).status,
    ).toBe(404);
    await runProposalReminders(t.database.db, new Date(Date.now() + 8 * 86_400_000));
    const late = await call(w.users.other, 'POST', `/proposals/${id}/respond-cosign`, { confirm: true });
    expect(late.status).toBe(404);
    const submitted = await call(w.users.lead, 'POST', `/proposals/${id}/submit`, {});
    expect(submitted.body.proposers.map((p: { status: string }) => p.status)).toEqual([
      'confirmed',
      'declined',
      'expired',
    ]);
    await call(w.users.staff, 'POST', `/proposals/${id}/claim-review`, {});
    await call(w.users.staff, 'POST', `/proposals/${id}/accept`, {});
    const duty = (await dutyOf(w.db, id)).filter((d) => d.kind === 'proposal.accepted');
    expect(duty.map((d) => d.memberId)).toEqual([w.members.lead.id]);
  });
});

describe('organisation proposals', () => {
  it('only the convener files in the organisation’s name; no joint signing; no personal duty record', async () => {
    const org = await buildOrganisationProposer(w.db, w.committee.id, {
      name: '民盟县委会',
      convenerMemberId: w.members.lead.id,
    });
    const byOther = await call(
      w.users.co,
      'POST',
      '/proposals',
      validProposal({ organisationProposerId: org.id }),
    );
    expect(byOther.status).toBe(403);
    expect(byOther.body.message).toMatch(/召集人/);
    const joint = await call(
      w.users.lead,
      'POST',
      '/proposals',
      validProposal({ organisationProposerId: org.id, coProposerMemberIds: [w.members.co.id] }),
    );
    expect(joint.status).toBe(400);
    const res = await call(
      w.users.lead,
      'POST',
      '/proposals',
      validProposal({ organisationProposerId: org.id }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      proposerType: 'organisation',
      organisationProposer: { name: '民盟县委会' },
    });
    await call(w.users.lead, 'POST', `/proposals/${res.body.id}/submit`, {});
    expect(await dutyOf(w.db, res.body.id)).toEqual([]);
  });

  it('a sector files in its name only during the plenary, and cannot submit a draft after it', async () => {
    const sector = await buildOrganisationProposer(w.db, w.committee.id, {
      name: '经济界',
      kind: 'sector',
      convenerMemberId: w.members.lead.id,
    });
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const setMeeting = (dates: Partial<typeof s.plenarySessions.$inferInsert>) =>
      w.db.update(s.plenarySessions).set(dates).where(eq(s.plenarySessions.id, w.session.id));
    const original = { ...w.session };
    try {
      const before = await call(
        w.users.lead,
        'POST',
        '/proposals',
        validProposal({ organisationProposerId: sector.id }),
      );
      expect(before.status).toBe(400);
      expect(before.body.details.fields).toEqual([
        { path: 'body.organisationProposerId', message: expect.stringMatching(/大会期间/) },
      ]);
      await setMeeting({ meetingStart: day(-1), meetingEnd: day(2) });
      const during = await call(
        w.users.lead,
        'POST',
        '/proposals',
        validProposal({ organisationProposerId: sector.id }),
      );
      expect(during.status, JSON.stringify(during.body)).toBe(201);
      await setMeeting({ meetingStart: day(-10), meetingEnd: day(-8), submissionCloses: day(-8) });
      const late = await call(w.users.lead, 'POST', `/proposals/${during.body.id}/submit`, {});
      expect(late.status).toBe(409);
      expect(late.body.message).toMatch(/大会期间/);
      const stored = await call(w.users.lead, 'GET', `/proposals/${during.body.id}`);
      expect(stored.body.state).toBe('draft');
    } finally {
      await setMeeting(original);
    }
  });
});

describe('attachments', () => {
  it('the proposer’s own PDF attaches to the proposal; listing readers follow the proposal', async () => {
    const [file] = await w.db
      .insert(s.attachments)
      .values({
        committeeId: w.committee.id,
        fileName: '调研报告.pdf',
        mimeType: 'application/pdf',
        size: 10,
        sha256: 'x',
        storageKey: 'k3',
        uploadedBy: w.users.lead.userId,
      })
      .returning();
    const res = await call(w.users.lead, 'POST', '/proposals', validProposal({ attachmentIds: [file!.id] }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.attachmentIds).toEqual([file!.id]);
    expect(res.body.attachmentFiles).toEqual([{ id: file!.id, fileName: '调研报告.pdf', size: 10 }]);
    const [row] = await w.db.select().from(s.attachments).where(eq(s.attachments.id, file!.id));
    expect(row).toMatchObject({ ownerType: 'proposal', ownerId: res.body.id });
  });
});

describe('lists for leaders', () => {
  it('leaders see nominated excellent proposals to approve; members cannot use the staff views', async () => {
    const id = await accepted();
    await call(w.users.staff, 'POST', `/proposals/${id}/excellent`, { excellent: true });
    const list = await call(w.users.leader, 'GET', '/proposals?view=all&excellentStatus=nominated');
    expect(list.body.items.map((i: { id: number }) => i.id)).toEqual([id]);
    expect((await call(w.users.lead, 'GET', '/proposals?view=all')).status).toBe(403);
    expect((await call(w.users.handlerA, 'GET', '/proposals?view=review')).status).toBe(403);
  });
});

describe('form options and co-proposer search', () => {
  it('gives the configured lists and finds members by name, without their phone numbers', async () => {
    await w.db
      .update(s.committees)
      .set({ settings: { proposalCategories: ['乡村振兴', '民生保障'], proposalContentLimit: 2000 } })
      .where(eq(s.committees.id, w.committee.id));
    const opts = await call(w.users.lead, 'GET', '/proposals/form-options');
    expect(opts.status).toBe(200);
    expect(opts.body).toMatchObject({
      categories: ['乡村振兴', '民生保障'],
      contentLimit: 2000,
      currentSessionId: w.session.id,
    });
    expect(opts.body.units.map((u: { name: string }) => u.name)).toContain('县财政局');
    const bad = await call(w.users.lead, 'POST', '/proposals', validProposal({ category: '社会建设' }));
    expect(bad.body.message).toMatch(/类别应为：乡村振兴、民生保障/);
    const found = await call(
      w.users.lead,
      'GET',
      `/proposals/co-proposer-candidates?q=${encodeURIComponent('李秀')}`,
    );
    expect(found.body.items).toEqual([{ id: w.members.co.id, name: '李秀兰', sector: '经济界' }]);
    expect((await call(w.users.staff, 'GET', '/proposals/co-proposer-candidates')).status).toBe(403);
    await w.db.update(s.committees).set({ settings: {} }).where(eq(s.committees.id, w.committee.id));
  });
});

describe('co-unit opinion reminder', () => {
  it('reminds a co-unit once, three days before its opinion is due, and not after it has sent one', async () => {
    const { id } = await walkProposal(t, w, 'assigned', {
      units: [
        { unitId: w.units.a.id, role: 'lead' },
        { unitId: w.units.b.id, role: 'co' },
        { unitId: w.units.c.id, role: 'co' },
      ],
    });
    await call(w.users.handlerC, 'POST', `/proposals/${id}/acknowledge`, {});
    await call(w.users.handlerC, 'POST', `/proposals/${id}/unit-opinion`, { text: '教育局无意见' });
    const early = await runProposalReminders(t.database.db, new Date(Date.now() + 20 * 86_400_000));
    expect(early.coOpinionReminded).toBe(0);
    const later = new Date(Date.now() + 28 * 86_400_000);
    await runProposalReminders(t.database.db, later);
    await runProposalReminders(t.database.db, later);
    const mine = (u: typeof w.users.handlerB) =>
      notificationsOf(w.db, u.userId, 'proposal.coOpinionDue').then((rows) =>
        rows.filter((r) => r.link === `/proposals/${id}`),
      );
    expect(await mine(w.users.handlerB)).toHaveLength(1);
    expect(await mine(w.users.handlerC)).toHaveLength(0);
    expect(await mine(w.users.handlerA)).toHaveLength(0);
  });
});

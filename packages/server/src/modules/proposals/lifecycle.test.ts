import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as s from '../../db/schema';
import { dutyOf, notificationsOf, useProposalWorld, validProposal } from './proposal-world.fixture';

const { w, call } = useProposalWorld();

/**
 * One joint proposal through the whole lifecycle: member → co-proposer → staff → lead and co unit →
 * head → staff → rating 不满意 → re-handling → closed. Each step checks state, side effects and refusals.
 */
describe('joint proposal lifecycle', () => {
  let id: number;
  let version: number;

  it('member drafts with a co-proposer; submitting before inviting is refused', async () => {
    const { users, members, units } = w;
    const res = await call(
      users.lead,
      'POST',
      '/proposals',
      validProposal({ coProposerMemberIds: [members.co.id], suggestedUnitIds: [units.a.id] }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.state).toBe('draft');
    expect(res.body.proposers.map((p: { status: string }) => p.status)).toEqual(['confirmed', 'invited']);
    expect(res.body.policies.canSubmit).toBe(true);
    expect(res.body.policies.canAccept).toBe(false);
    id = res.body.id;
    const early = await call(users.lead, 'POST', `/proposals/${id}/submit`, {});
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/联名邀请/);
  });

  it('others cannot read a draft; the co-proposer is invited and confirms in their queue', async () => {
    const { users } = w;
    expect((await call(users.other, 'GET', `/proposals/${id}`)).status).toBe(404);
    expect((await call(users.handlerA, 'GET', `/proposals/${id}`)).status).toBe(404);
    const invited = await call(users.lead, 'POST', `/proposals/${id}/request-cosign`, {});
    expect(invited.status, JSON.stringify(invited.body)).toBe(200);
    expect(invited.body.state).toBe('cosigning');
    expect(await notificationsOf(w.db, users.co.userId, 'proposal.cosignInvited')).toHaveLength(1);
    const queue = await call(users.co, 'GET', '/proposals?view=cosign');
    expect(queue.body.items.map((p: { id: number }) => p.id)).toEqual([id]);
    expect(
      (await call(users.other, 'POST', `/proposals/${id}/respond-cosign`, { confirm: true })).status,
    ).toBe(404);
    const confirmed = await call(users.co, 'POST', `/proposals/${id}/respond-cosign`, { confirm: true });
    expect(confirmed.status).toBe(200);
    expect((await call(users.co, 'GET', '/proposals?view=cosign')).body.items).toEqual([]);
  });

  it('the lead submits: 大会提案, duty record, staff notified; the co-proposer cannot submit', async () => {
    const { users, members } = w;
    expect((await call(users.co, 'POST', `/proposals/${id}/submit`, {})).status).toBe(403);
    const res = await call(users.lead, 'POST', `/proposals/${id}/submit`, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'submitted', kind: 'session', kindLabel: '大会提案' });
    const duty = await dutyOf(w.db, id);
    expect(duty.map((d) => [d.kind, d.memberId, d.role])).toEqual([
      ['proposal.submitted', members.lead.id, 'lead'],
    ]);
    expect(await notificationsOf(w.db, users.staff.userId, 'proposal.submitted')).toHaveLength(1);
    expect((await call(users.lead, 'PATCH', `/proposals/${id}`, { title: '改标题' })).status).toBe(409);
  });

  it('staff review: queue, similar titles, accept with number 第0001号 and duty for lead and co', async () => {
    const { users, members } = w;
    const queue = await call(users.staff, 'GET', '/proposals?view=review');
    expect(queue.body.items.map((p: { id: number }) => p.id)).toContain(id);
    expect((await call(users.lead, 'GET', '/proposals?view=review')).status).toBe(403);
    const claimed = await call(users.staff, 'POST', `/proposals/${id}/claim-review`, {});
    expect(claimed.body.state).toBe('reviewing');
    expect((await call(users.lead, 'POST', `/proposals/${id}/accept`, {})).status).toBe(403);
    const accepted = await call(users.staff, 'POST', `/proposals/${id}/accept`, {
      version: claimed.body.version,
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ state: 'accepted', number: 1, numberLabel: '第0001号' });
    const duty = (await dutyOf(w.db, id)).filter((d) => d.kind === 'proposal.accepted');
    expect(duty.map((d) => [d.memberId, d.role]).sort()).toEqual(
      [
        [members.lead.id, 'lead'],
        [members.co.id, 'co'],
      ].sort(),
    );
    version = accepted.body.version;
  });

  it('assigns a lead and a co unit; units are notified and only they see it in their inbox', async () => {
    const { users, units } = w;
    const bad = await call(users.staff, 'POST', `/proposals/${id}/assign`, {
      units: [
        { unitId: units.a.id, role: 'lead' },
        { unitId: units.b.id, role: 'lead' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/主办单位必须且只能有一个/);
    const res = await call(users.staff, 'POST', `/proposals/${id}/assign`, {
      units: [
        { unitId: units.a.id, role: 'lead' },
        { unitId: units.b.id, role: 'co' },
      ],
      version,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.state).toBe('assigned');
    expect(res.body.units.map((u: { roleLabel: string }) => u.roleLabel)).toEqual(['主办', '协办']);
    expect(await notificationsOf(w.db, users.handlerA.userId, 'proposal.assigned')).toHaveLength(1);
    expect(await notificationsOf(w.db, users.headB.userId, 'proposal.assigned')).toHaveLength(1);
    const inbox = await call(users.handlerA, 'GET', '/proposals?view=unit');
    expect(inbox.body.items.map((p: { id: number }) => p.id)).toEqual([id]);
    expect((await call(users.handlerC, 'GET', '/proposals?view=unit')).body.items).toEqual([]);
    expect((await call(users.handlerC, 'GET', `/proposals/${id}`)).status).toBe(404);
  });

  it('co unit sends its opinion; lead unit answers, head approves; staff change category and approve', async () => {
    const { users } = w;
    expect(
      (await call(users.handlerB, 'POST', `/proposals/${id}/unit-opinion`, { text: '财政局意见' })).body
        .message,
    ).toMatch(/签收/);
    expect((await call(users.handlerB, 'POST', `/proposals/${id}/acknowledge`, {})).status).toBe(200);
    const op = await call(users.handlerB, 'POST', `/proposals/${id}/unit-opinion`, {
      text: '财政局将统筹安排改造资金 2000 万元。',
    });
    expect(op.status, JSON.stringify(op.body)).toBe(200);
    expect((await call(users.handlerB, 'POST', `/proposals/${id}/answer`, answer('B'))).body.message).toMatch(
      /协办单位/,
    );
    expect((await call(users.handlerA, 'POST', `/proposals/${id}/acknowledge`, {})).status).toBe(200);
    const saved = await call(users.handlerA, 'POST', `/proposals/${id}/answer`, answer('X'));
    expect(saved.status).toBe(400);
    expect(saved.body.message).toMatch(/答复类别应为/);
    expect((await call(users.handlerA, 'POST', `/proposals/${id}/answer`, answer('B'))).status).toBe(200);
    // Proposers do not see a draft answer.
    expect((await call(users.lead, 'GET', `/proposals/${id}`)).body.answers).toEqual([]);
    expect((await call(users.handlerA, 'POST', `/proposals/${id}/answer/head-approve`, {})).status).toBe(403);
    expect((await call(users.handlerA, 'POST', `/proposals/${id}/answer/submit`, {})).status).toBe(200);
    expect(await notificationsOf(w.db, users.headA.userId, 'proposal.answerPendingHead')).toHaveLength(1);
    expect(
      (await call(users.headB, 'POST', `/proposals/${id}/answer/head-approve`, {})).body.message,
    ).toMatch(/没有待负责人审核/);
    const approved = await call(users.headA, 'POST', `/proposals/${id}/answer/head-approve`, {
      comment: '同意',
    });
    expect(approved.status).toBe(200);
    const answerId = approved.body.answers[0].id;
    const reviewed = await call(users.staff, 'POST', `/proposals/${id}/answer/review`, {
      answerId,
      approve: true,
      category: 'A',
    });
    expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
    expect(reviewed.body).toMatchObject({ state: 'answered', answerCategory: 'A' });
    expect(reviewed.body.answers[0]).toMatchObject({
      category: 'A',
      originalCategory: 'B',
      state: 'approved',
    });
    expect(await notificationsOf(w.db, w.users.co.userId, 'proposal.answered')).toHaveLength(1);
  });

  it('不满意 sends it back to the unit once; the second answer rated satisfied closes it', async () => {
    const { users } = w;
    const detail = await call(users.lead, 'GET', `/proposals/${id}`);
    expect(detail.body.answers).toHaveLength(1);
    const answerId = detail.body.answers[0].id;
    expect(
      (await call(users.handlerA, 'POST', `/proposals/${id}/rate`, rating(answerId, 'satisfied'))).status,
    ).toBe(403);
    expect(
      (await call(users.lead, 'POST', `/proposals/${id}/rate`, rating(answerId, 'dissatisfied'))).status,
    ).toBe(200);
    const dup = await call(users.lead, 'POST', `/proposals/${id}/rate`, rating(answerId, 'satisfied'));
    expect(dup.status).toBe(409);
    const last = await call(users.co, 'POST', `/proposals/${id}/rate`, rating(answerId, 'satisfied'));
    expect(last.body).toMatchObject({ state: 'rehandling', rehandleCount: 1 });
    expect(await notificationsOf(w.db, users.handlerA.userId, 'proposal.rehandling')).toHaveLength(1);

    expect(
      (await call(users.handlerA, 'POST', `/proposals/${id}/answer`, answer('A', '已完成 12 个小区改造')))
        .status,
    ).toBe(200);
    expect((await call(users.handlerA, 'POST', `/proposals/${id}/answer/submit`, {})).status).toBe(200);
    const returned = await call(users.headA, 'POST', `/proposals/${id}/answer/head-return`, {
      comment: '请补充资金来源',
    });
    expect(returned.status).toBe(200);
    expect(
      (await call(users.handlerA, 'POST', `/proposals/${id}/answer`, answer('A', '补充：资金来源为专项债')))
        .status,
    ).toBe(200);
    expect((await call(users.handlerA, 'POST', `/proposals/${id}/answer/submit`, {})).status).toBe(200);
    const sent = await call(users.headA, 'POST', `/proposals/${id}/answer/head-approve`, {});
    const second = sent.body.answers.find((a: { round: number }) => a.round === 2);
    const back = await call(users.staff, 'POST', `/proposals/${id}/answer/review`, {
      answerId: second.id,
      approve: false,
      note: '请写明时间表',
    });
    expect(back.body.state).toBe('rehandling');
    expect((await call(users.handlerA, 'POST', `/proposals/${id}/answer/submit`, {})).status).toBe(200);
    expect((await call(users.headA, 'POST', `/proposals/${id}/answer/head-approve`, {})).status).toBe(200);
    const ok = await call(users.staff, 'POST', `/proposals/${id}/answer/review`, {
      answerId: second.id,
      approve: true,
    });
    expect(ok.body.state).toBe('answered');
    expect(
      (await call(users.lead, 'POST', `/proposals/${id}/rate`, rating(answerId, 'satisfied'))).body.message,
    ).toMatch(/不是本轮/);
    expect(
      (await call(users.lead, 'POST', `/proposals/${id}/rate`, rating(second.id, 'satisfied'))).status,
    ).toBe(200);
    const closed = await call(
      users.co,
      'POST',
      `/proposals/${id}/rate`,
      rating(second.id, 'basicallySatisfied'),
    );
    expect(closed.body.state).toBe('closed');
    expect(closed.body.closedAt).not.toBeNull();
  });

  it('the timeline and the audit log hold every step', async () => {
    const detail = await call(w.users.staff, 'GET', `/proposals/${id}`);
    const steps = detail.body.timeline.map((e: { action: string }) => e.action);
    expect(steps.slice(0, 8)).toEqual([
      'create',
      'requestCosign',
      'respondCosign',
      'submit',
      'claimReview',
      'accept',
      'assign',
      'acknowledge',
    ]);
    expect(steps).toContain('requestRehandling');
    expect(steps.at(-1)).toBe('completeRating');
    expect(detail.body.timeline.at(-1)).toMatchObject({ fromState: 'answered', toState: 'closed' });
    const audit = await w.db
      .select()
      .from(s.auditLog)
      .where(and(eq(s.auditLog.targetType, 'proposal'), eq(s.auditLog.targetId, String(id))));
    expect(audit.length).toBe(steps.length);
  });

  it('two-way evaluation stays hidden until both sides are in', async () => {
    const { users, units } = w;
    const mine = await call(users.lead, 'POST', `/proposals/${id}/evaluations`, {
      unitId: units.a.id,
      score: 92,
    });
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect((await call(users.handlerA, 'GET', `/proposals/${id}`)).body.evaluations).toEqual([]);
    expect(
      (await call(users.handlerA, 'POST', `/proposals/${id}/evaluations`, { unitId: units.b.id, score: 80 }))
        .status,
    ).toBe(400);
    await call(users.handlerA, 'POST', `/proposals/${id}/evaluations`, { unitId: units.a.id, score: 78 });
    const both = (await call(users.co, 'GET', `/proposals/${id}`)).body.evaluations;
    expect(both.map((e: { grade: string }) => e.grade).sort()).toEqual(['优秀', '良好']);
  });
});

function answer(category: string, text = '经研究，我局已将老旧小区改造列入年度计划。') {
  return { category, text, contactPerson: '刘洋', contactPhone: '0951-5012345' };
}
function rating(answerId: number, satisfaction: string) {
  const reason = satisfaction === 'dissatisfied' ? { comment: '答复未回应提出的具体建议' } : {};
  return { answerId, satisfaction, attitude: 'satisfied', relevance: 'targeted', ...reason };
}

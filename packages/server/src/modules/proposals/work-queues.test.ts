import { describe, expect, it } from 'vitest';
import type { ProposalTask } from '@cppcc/shared';
import type { Session } from '../../../test/harness';
import { useProposalWorld, walkProposal } from './proposal-world.fixture';

const { t, w, call } = useProposalWorld();

/** The home card of a work queue, and the total of the list it opens: they must agree. */
async function queue(who: Session, task: ProposalTask, view: 'unit' | 'all') {
  const home = await call(who, 'GET', '/home');
  const card = (home.body.cards as { key: string; value: number; link: string }[]).find(
    (c) => c.key === `proposals.${task}`,
  );
  const list = await call(who, 'GET', `/proposals?view=${view}&task=${task}`);
  expect(list.status, JSON.stringify(list.body)).toBe(200);
  expect(card?.value).toBe(list.body.total);
  return { count: list.body.total as number, ids: (list.body.items as { id: number }[]).map((i) => i.id) };
}

describe('work queues on the home page, each the count of the list it opens', () => {
  it('follow one proposal from 待签收 to 待答复, 待负责人审核 and the staff’s 待审核答复', async () => {
    const p = await walkProposal(t, w, 'assigned', {
      units: [
        { unitId: w.units.a.id, role: 'lead' },
        { unitId: w.units.b.id, role: 'co' },
      ],
    });
    const post = (who: Session, path: string, body: unknown = {}) =>
      call(who, 'POST', `/proposals/${p.id}/${path}`, body);
    expect((await queue(w.users.handlerA, 'toAcknowledge', 'unit')).ids).toContain(p.id);
    expect((await post(w.users.handlerA, 'acknowledge')).status).toBe(200);
    expect((await queue(w.users.handlerA, 'toAcknowledge', 'unit')).ids).not.toContain(p.id);
    // The co-unit has not signed: its queue still holds the proposal.
    expect((await queue(w.users.handlerB, 'toAcknowledge', 'unit')).ids).toContain(p.id);
    expect((await queue(w.users.handlerA, 'toAnswer', 'unit')).ids).toContain(p.id);

    const answer = {
      category: 'A',
      text: '已列入明年计划。',
      contactPerson: '刘洋',
      contactPhone: '13800138000',
    };
    expect((await post(w.users.handlerA, 'answer', answer)).status).toBe(200);
    expect((await post(w.users.handlerA, 'answer/submit')).status).toBe(200);
    expect((await queue(w.users.handlerA, 'toAnswer', 'unit')).ids).not.toContain(p.id);
    expect((await queue(w.users.headA, 'toApproveAsHead', 'unit')).ids).toContain(p.id);
    expect((await queue(w.users.headB, 'toApproveAsHead', 'unit')).ids).not.toContain(p.id);

    expect((await post(w.users.headA, 'answer/head-approve')).status).toBe(200);
    expect((await queue(w.users.headA, 'toApproveAsHead', 'unit')).ids).not.toContain(p.id);
    expect((await queue(w.users.staff, 'toReviewAnswer', 'all')).ids).toContain(p.id);
  });

  it('refuses a queue to those it is not for, and an unknown one', async () => {
    expect((await call(w.users.lead, 'GET', '/proposals?view=mine&task=toReviewAnswer')).status).toBe(403);
    expect((await call(w.users.lead, 'GET', '/proposals?view=mine&task=toAcknowledge')).status).toBe(403);
    const unknown = await call(w.users.staff, 'GET', '/proposals?view=all&task=everything');
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('待办类型不正确');
  });
});

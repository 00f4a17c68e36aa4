import { describe, expect, it } from 'vitest';
import { notificationsOf, useProposalWorld, walkProposal } from './proposal-world.fixture';

const { t, w, call } = useProposalWorld();

/** Whether each of the user's notices of `kind` about the proposal is read. */
const readFlags = async (userId: number, kind: string, proposalId: number) =>
  (await notificationsOf(w.db, userId, kind))
    .filter((n) => n.link === `/proposals/${proposalId}`)
    .map((n) => n.read);

describe('a notice that asks for an action is done once the action is taken', () => {
  it('the co-proposer’s invitation, when they answer it', async () => {
    const p = await walkProposal(t, w, 'cosigning');
    expect(await readFlags(w.users.co.userId, 'proposal.cosignInvited', p.id)).toEqual([false]);
    expect(
      (await call(w.users.co, 'POST', `/proposals/${p.id}/respond-cosign`, { confirm: true })).status,
    ).toBe(200);
    expect(await readFlags(w.users.co.userId, 'proposal.cosignInvited', p.id)).toEqual([true]);
  });

  it('every staff member’s 新提案待审查, when one of them decides, and no other proposal’s', async () => {
    const p = await walkProposal(t, w, 'submitted');
    const other = await walkProposal(t, w, 'submitted');
    const res = await call(w.users.staff, 'POST', `/proposals/${p.id}/accept`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    for (const staff of [w.users.staff, w.users.staff2])
      expect(await readFlags(staff.userId, 'proposal.submitted', p.id)).toEqual([true]);
    expect(await readFlags(w.users.staff2.userId, 'proposal.submitted', other.id)).toEqual([false]);
  });

  it('a unit’s 请签收 for that unit alone', async () => {
    const p = await walkProposal(t, w, 'assigned', {
      units: [
        { unitId: w.units.a.id, role: 'lead' },
        { unitId: w.units.b.id, role: 'co' },
      ],
    });
    expect((await call(w.users.handlerA, 'POST', `/proposals/${p.id}/acknowledge`, {})).status).toBe(200);
    expect(await readFlags(w.users.handlerA.userId, 'proposal.assigned', p.id)).toEqual([true]);
    expect(await readFlags(w.users.headA.userId, 'proposal.assigned', p.id)).toEqual([true]);
    expect(await readFlags(w.users.handlerB.userId, 'proposal.assigned', p.id)).toEqual([false]);
  });

  it('the proposer’s 请评价, when they rate, and staff’s 请审核 once no answer waits for review', async () => {
    const p = await walkProposal(t, w, 'answered');
    expect(await readFlags(w.users.staff.userId, 'proposal.answerSent', p.id)).toEqual([true]);
    expect(await readFlags(w.users.lead.userId, 'proposal.answered', p.id)).toEqual([false]);
    const closed = await walkProposal(t, w, 'closed');
    expect(await readFlags(w.users.lead.userId, 'proposal.answered', closed.id)).toEqual([true]);
  });
});

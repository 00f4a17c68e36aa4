import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as s from '../../db/schema';
import { dutyOf, notificationsOf, useProposalWorld, walkProposal } from './proposal-world.fixture';

const { t, w, call } = useProposalWorld();

const submitted = async (n: number) => {
  const list = [];
  for (let i = 0; i < n; i++)
    list.push(
      await walkProposal(t, w, 'submitted', { proposal: { title: `关于批量审查第${i + 1}件的建议` } }),
    );
  return list as unknown as { id: number; version: number }[];
};
const rowOf = async (id: number) => (await w.db.select().from(s.proposals).where(eq(s.proposals.id, id)))[0]!;
const review = (body: unknown, who = w.users.staff) => call(who, 'POST', '/proposals/batch-review', body);

describe('POST /api/proposals/batch-review (立案审查会)', () => {
  it('accepts many submitted proposals in one step, numbered in order, claimed by the deciding staff', async () => {
    const [a, b] = await submitted(2);
    const res = await review({
      decision: 'accept',
      items: [
        { proposalId: a!.id, version: a!.version, category: '经济建设' },
        { proposalId: b!.id, version: b!.version },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.reviewed.map((r: { state: string }) => r.state)).toEqual(['accepted', 'accepted']);
    const [rowA, rowB] = [await rowOf(a!.id), await rowOf(b!.id)];
    expect(rowB.number).toBe(rowA.number! + 1);
    expect(rowA.category).toBe('经济建设');
    const staffId = (await w.db.select().from(s.users).where(eq(s.users.displayName, '提案委张科长')))[0]!.id;
    expect([rowA.reviewerId, rowB.reviewerId]).toEqual([staffId, staffId]);
    // The same effects as one by one: the proposers are told and earn the accepted duty record.
    expect((await dutyOf(w.db, a!.id)).map((d) => d.kind)).toContain('proposal.accepted');
    expect(
      (await notificationsOf(w.db, w.users.lead.userId, 'proposal.accepted')).some((n) =>
        n.link?.endsWith(`/${b!.id}`),
      ),
    ).toBe(true);
  });

  it('rejects many with one ground and reason', async () => {
    const [a, b] = await submitted(2);
    const res = await review({
      decision: 'reject',
      ground: '内容空泛、没有具体建议',
      reason: '未提出具体可行的建议',
      disposition: 'none',
      items: [a, b].map((p) => ({ proposalId: p!.id, version: p!.version })),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    for (const p of [a, b]) expect((await rowOf(p!.id)).state).toBe('rejected');
  });

  it('merges many into one accepted proposal, whose proposers they join', async () => {
    const main = await walkProposal(t, w, 'accepted');
    const [a, b] = await submitted(2);
    const res = await review({
      decision: 'merge',
      intoProposalId: main.id,
      items: [a, b].map((p) => ({ proposalId: p!.id, version: p!.version })),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    for (const p of [a, b]) expect((await rowOf(p!.id)).mergedIntoId).toBe(main.id);
  });

  it('changes nothing when one item is refused, and says which one', async () => {
    const [a, b] = await submitted(2);
    const stale = { proposalId: b!.id, version: b!.version + 5 };
    const res = await review({
      decision: 'accept',
      items: [{ proposalId: a!.id, version: a!.version }, stale],
    });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain(`第 2 件（提案编号 ${b!.id}）`);
    for (const p of [a, b]) expect((await rowOf(p!.id)).state).toBe('submitted');
    expect((await rowOf(a!.id)).number).toBeNull();
  });

  it('refuses a proposal past review, members, and an empty or unknown decision', async () => {
    const accepted = await walkProposal(t, w, 'accepted');
    const again = await review({ decision: 'accept', items: [{ proposalId: accepted.id }] });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('不能执行');
    const [p] = await submitted(1);
    const byMember = await review({ decision: 'accept', items: [{ proposalId: p!.id }] }, w.users.lead);
    expect(byMember.status).toBe(403);
    expect((await rowOf(p!.id)).state).toBe('submitted');
    expect((await review({ decision: 'accept', items: [] })).body.message).toContain('请至少选择一件提案');
    expect((await review({ decision: 'close', items: [{ proposalId: p!.id }] })).status).toBe(400);
  });

  it('keeps the reviewer of a proposal a colleague has claimed', async () => {
    const reviewing = await walkProposal(t, w, 'reviewing');
    const claimedBy = (await rowOf(reviewing.id)).reviewerId;
    const res = await review({ decision: 'accept', items: [{ proposalId: reviewing.id }] }, w.users.staff2);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await rowOf(reviewing.id)).reviewerId).toBe(claimedBy);
  });
});

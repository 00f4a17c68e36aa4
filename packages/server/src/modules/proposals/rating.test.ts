import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { formatDay, zonedDayEnd } from '@cppcc/shared';
import * as s from '../../db/schema';
import { expectCloseOnlyWithReason, useProposalWorld, walkProposal } from './proposal-world.fixture';

const { t, w, call } = useProposalWorld();

const rating = (answerId: number, extra: Record<string, unknown> = {}) => ({
  answerId,
  satisfaction: 'dissatisfied',
  attitude: 'satisfied',
  relevance: 'targeted',
  ...extra,
});

describe('rating 不满意 and closing with ratings pending', () => {
  it('asks a reason for 不满意, and the timeline names the proposer who sent the answer back', async () => {
    const p = await walkProposal(t, w, 'answered');
    const answerId = p.answers.at(-1)!.id;
    const bare = await call(w.users.lead, 'POST', `/proposals/${p.id}/rate`, rating(answerId));
    expect(bare.status).toBe(400);
    expect(JSON.stringify(bare.body)).toContain('评价为不满意时，请写明不满意的理由');
    const withReason = await call(
      w.users.lead,
      'POST',
      `/proposals/${p.id}/rate`,
      rating(answerId, { comment: '未回应具体建议' }),
    );
    expect(withReason.status, JSON.stringify(withReason.body)).toBe(200);
    expect(withReason.body.state).toBe('rehandling');
    const timeline = await w.db.select().from(s.timelineEvents).where(eq(s.timelineEvents.recordId, p.id));
    expect(timeline.map((e) => e.note)).toContain('王建国对答复不满意，重新办理');
  });

  it('lets staff close with ratings pending only with a reason', async () => {
    const p = await walkProposal(t, w, 'answered');
    await expectCloseOnlyWithReason(t, w, p.id, '尚有 1 位提案人未评价，办结须写明理由');
  });

  it('names the proposers it waits for, to the proposers and the staff, until every one has rated', async () => {
    const p = await walkProposal(t, w, 'answered');
    const waiting = async (who: (typeof w.users)[keyof typeof w.users]) =>
      (await call(who, 'GET', `/proposals/${p.id}`)).body.awaitingRatings;
    expect(await waiting(w.users.staff)).toEqual([{ memberId: w.members.lead.id, name: '王建国' }]);
    // Until when: the end of the 30th day after the proposal was answered, in the committee's zone.
    const read = (await call(w.users.lead, 'GET', `/proposals/${p.id}`)).body;
    const due = zonedDayEnd(
      formatDay(new Date(Date.parse(read.answeredAt) + 30 * 86_400_000), 'Asia/Shanghai'),
      'Asia/Shanghai',
    );
    expect(read.ratingDueAt).toBe(due.toISOString());
    expect(await waiting(w.users.lead)).toEqual([{ memberId: w.members.lead.id, name: '王建国' }]);
    // The unit sees its answer's ratings, not whom the proposal waits for.
    expect(await waiting(w.users.handlerA)).toEqual([]);
    const answerId = p.answers.at(-1)!.id;
    const rated = await call(
      w.users.lead,
      'POST',
      `/proposals/${p.id}/rate`,
      rating(answerId, { satisfaction: 'satisfied' }),
    );
    expect(rated.body.state).toBe('closed');
    expect(rated.body.awaitingRatings).toEqual([]);
    expect(rated.body.ratingDueAt).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as s from '../../db/schema';
import { notificationsOf } from '../../../test/committee-app';
import { useOpinionWorld, validOpinion, walkOpinion } from './opinion-world.fixture';

const { t, w, call } = useOpinionWorld();

const dutyOf = (memberId: number, kind: string) =>
  w.db
    .select()
    .from(s.dutyRecords)
    .where(and(eq(s.dutyRecords.memberId, memberId), eq(s.dutyRecords.kind, kind)));

describe('writing and reporting an opinion', () => {
  it('keeps a draft to its authors, then reports it to the staff with credit to the confirmed co-author', async () => {
    const draft = await call(
      w.users.author,
      'POST',
      '/opinions',
      validOpinion({ coauthorMemberIds: [w.members.co.id] }),
    );
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ state: 'draft', submitterType: 'member', submitterName: '王建国' });
    expect((await call(w.users.staff, 'GET', `/opinions/${draft.body.id}`)).status).toBe(404);
    expect((await call(w.users.other, 'GET', `/opinions/${draft.body.id}`)).status).toBe(404);
    expect((await call(w.users.co, 'GET', `/opinions/${draft.body.id}`)).status).toBe(200);

    const submitted = await call(w.users.author, 'POST', `/opinions/${draft.body.id}/submit`, {
      version: draft.body.version,
    });
    expect(submitted.body.state).toBe('submitted');
    expect(await notificationsOf(w.db, w.users.staff.userId, 'opinion.submitted')).not.toHaveLength(0);
    const inbox = await call(w.users.staff, 'GET', '/opinions?view=inbox&pageSize=100');
    expect(inbox.body.items.map((i: { id: number }) => i.id)).toContain(draft.body.id);

    const coView = await call(w.users.co, 'GET', '/opinions?view=coauthor');
    expect(coView.body.items.map((i: { id: number }) => i.id)).toContain(draft.body.id);
    await call(w.users.co, 'POST', `/opinions/${draft.body.id}/respond-coauthor`, { confirm: true });
    const credited = (await dutyOf(w.members.co.id, 'opinion.submitted')).filter(
      (d) => d.sourceId === draft.body.id,
    );
    expect(credited).toHaveLength(1);
    expect(
      (await dutyOf(w.members.author.id, 'opinion.submitted')).some((d) => d.sourceId === draft.body.id),
    ).toBe(true);
  });

  it('refuses content over the committee limit, with the count, and changes nothing', async () => {
    const res = await call(w.users.author, 'POST', '/opinions', validOpinion({ content: '字'.repeat(1501) }));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('内容不超过 1500 个字（现 1501 字）');
  });

  it('lets an information liaison report opinions and nothing else', async () => {
    const o = await walkOpinion(t, w, 'submitted', { author: w.users.liaison });
    expect(o).toMatchObject({ submitterType: 'liaison', submitterName: '马信息（特邀信息员）' });
    expect((await call(w.users.liaison, 'GET', '/opinions?view=mine')).body.total).toBeGreaterThan(0);
    expect((await call(w.users.liaison, 'GET', '/opinions?view=inbox')).status).toBe(403);
    expect((await call(w.users.liaison, 'GET', '/proposals?view=all')).status).toBe(403);
    expect(
      (
        await call(w.users.liaison, 'POST', '/proposals', {
          title: '提案',
          category: '其他',
          content: '内容',
        })
      ).status,
    ).toBe(403);
  });

  it('withdraws before editing starts and takes the credit back; once editing started it cannot', async () => {
    const o = await walkOpinion(t, w, 'submitted');
    const withdrawn = await call(w.users.author, 'POST', `/opinions/${o.id}/withdraw`, {
      reason: '情况已解决',
    });
    expect(withdrawn.body.state).toBe('withdrawn');
    const duty = (await dutyOf(w.members.author.id, 'opinion.submitted')).find((d) => d.sourceId === o.id);
    expect(duty?.withdrawnAt).not.toBeNull();
    const editing = await walkOpinion(t, w, 'editing');
    const refused = await call(w.users.author, 'POST', `/opinions/${editing.id}/withdraw`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe('社情民意信息当前状态为“编辑中”，不能执行“撤回信息”');
  });
});

describe('editing and deciding', () => {
  it('stores every edit as a version beside the unchanged submitted text', async () => {
    const o = await walkOpinion(t, w, 'editing');
    await call(w.users.staff, 'POST', `/opinions/${o.id}/edit`, {
      title: '关于拓宽枸杞销售渠道的建议',
      content: '第一稿',
      note: '精简',
    });
    const second = await call(w.users.staff2, 'POST', `/opinions/${o.id}/edit`, {
      title: '关于拓宽枸杞销售渠道的建议',
      content: '第二稿',
    });
    expect(second.status).toBe(200);
    expect(second.body.content).toBe(validOpinion().content);
    expect(second.body.edited).toEqual({ title: '关于拓宽枸杞销售渠道的建议', content: '第二稿' });
    expect(
      second.body.versions.map((v: { number: number; content: string }) => [v.number, v.content]),
    ).toEqual([
      [0, validOpinion().content],
      [1, '第一稿'],
      [2, '第二稿'],
    ]);
    // The submitter follows the state, not the editors' working copies.
    const mine = await call(w.users.author, 'GET', `/opinions/${o.id}`);
    expect(mine.body.versions).toEqual([]);
    expect(mine.body.stateLabel).toBe('编辑中');
  });

  it('adopts once: the ledger has the county adoption and the authors are credited at that level', async () => {
    const o = await walkOpinion(t, w, 'adopted');
    expect(o.ledger.map((l: { text: string }) => l.text)).toEqual(['被县（区）级政协采用']);
    const credit = (await dutyOf(w.members.author.id, 'opinion.adopted')).filter((d) => d.level === 'county');
    expect(credit.length).toBeGreaterThan(0);
    const again = await call(w.users.staff, 'POST', `/opinions/${o.id}/archive`, {});
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('当前状态为“已采用”');
  });

  it('lets exactly one of two staff deciding at once win', async () => {
    const o = await walkOpinion(t, w, 'editing');
    const [a, b] = await Promise.all([
      call(w.users.staff, 'POST', `/opinions/${o.id}/adopt`, { version: o.version }),
      call(w.users.staff2, 'POST', `/opinions/${o.id}/archive`, { version: o.version }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const ledger = await w.db.select().from(s.opinionLedger).where(eq(s.opinionLedger.opinionId, o.id));
    expect(ledger.length).toBe(a.status === 200 ? 1 : 0);
  });

  it('combines several submissions into one article and credits each contributor once', async () => {
    const main = await walkOpinion(t, w, 'editing');
    const fromCo = await walkOpinion(t, w, 'submitted', {
      author: w.users.co,
      body: { title: '枸杞收购价格偏低' },
    });
    const fromAuthor = await walkOpinion(t, w, 'submitted', { body: { title: '枸杞电商平台建设滞后' } });
    const res = await call(w.users.staff, 'POST', `/opinions/${main.id}/combine`, {
      otherOpinionIds: [fromCo.id, fromAuthor.id],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'adopted', adoptionKind: 'combined' });
    expect(res.body.contributors.sort()).toEqual(['李秀兰', '王建国']);
    const absorbed = await call(w.users.co, 'GET', `/opinions/${fromCo.id}`);
    expect(absorbed.body).toMatchObject({ state: 'combined', combinedInto: { id: main.id } });
    const [row] = await w.db.select().from(s.opinionLedger).where(eq(s.opinionLedger.opinionId, main.id));
    const credits = await w.db
      .select()
      .from(s.dutyRecords)
      .where(and(eq(s.dutyRecords.sourceType, 'opinionLedger'), eq(s.dutyRecords.sourceId, row!.id)));
    expect(credits.map((c) => c.memberId).sort()).toEqual([w.members.author.id, w.members.co.id].sort());
  });

  it('does not let staff combine a draft they cannot see, and changes nothing', async () => {
    const main = await walkOpinion(t, w, 'editing');
    const draft = await walkOpinion(t, w, 'draft');
    const res = await call(w.users.staff, 'POST', `/opinions/${main.id}/combine`, {
      otherOpinionIds: [draft.id],
    });
    expect(res.status).toBe(404);
    expect((await call(w.users.staff, 'GET', `/opinions/${main.id}`)).body.state).toBe('editing');
  });

  it('returns with comments to the author, who revises and reports again', async () => {
    const o = await walkOpinion(t, w, 'returned');
    expect(o.returnComment).toBe('请补充具体数据');
    const revised = await call(w.users.author, 'PATCH', `/opinions/${o.id}`, {
      content: '补充：全县种植面积 8 万亩。',
    });
    expect(revised.body.content).toBe('补充：全县种植面积 8 万亩。');
    const again = await call(w.users.author, 'POST', `/opinions/${o.id}/submit`, {});
    expect(again.body.state).toBe('submitted');
  });

  it('reverses an adoption: back to editing, the ledger row and its credits withdrawn', async () => {
    const o = await walkOpinion(t, w, 'adopted');
    const res = await call(w.users.staff, 'POST', `/opinions/${o.id}/reopen`, { reason: '误操作' });
    expect(res.body).toMatchObject({ state: 'editing', ledger: [] });
    const credit = (await dutyOf(w.members.author.id, 'opinion.adopted')).filter((d) => d.detail === null);
    expect(credit.every((d) => d.sourceType === 'opinionLedger')).toBe(true);
    const live = await w.db
      .select()
      .from(s.dutyRecords)
      .where(and(eq(s.dutyRecords.memberId, w.members.author.id), eq(s.dutyRecords.kind, 'opinion.adopted')));
    const ledgerIds = (await w.db.select({ id: s.opinionLedger.id }).from(s.opinionLedger)).map((r) => r.id);
    expect(live.filter((d) => d.withdrawnAt === null).every((d) => ledgerIds.includes(d.sourceId))).toBe(
      true,
    );
  });

  it('turns a proposal rejected as 转社情民意 into a draft for its proposer, linked to it', async () => {
    const [proposal] = await w.db
      .insert(s.proposals)
      .values({
        committeeId: w.committees.county.id,
        sessionId: (
          await w.db
            .insert(s.plenarySessions)
            .values({
              committeeId: w.committees.county.id,
              termId: w.members.author.termId,
              number: 1,
              name: '一次会议',
              meetingStart: '2026-01-10',
              meetingEnd: '2026-01-12',
              submissionOpens: '2025-11-01',
              submissionCloses: '2026-12-31',
            })
            .returning()
        )[0]!.id,
        title: '关于加强农村饮水安全的建议',
        category: '社会建设',
        content: '农村饮水管网老化。',
        state: 'submitted',
        leadMemberId: w.members.author.id,
        createdBy: w.users.author.userId,
      })
      .returning();
    await w.db.insert(s.proposalProposers).values({
      committeeId: w.committees.county.id,
      proposalId: proposal!.id,
      memberId: w.members.author.id,
      role: 'lead',
      status: 'confirmed',
    });
    const res = await call(w.users.proposalStaff, 'POST', `/proposals/${proposal!.id}/reject`, {
      ground: '内容空泛、没有具体建议',
      reason: '宜作为社情民意反映',
      disposition: 'convertToOpinion',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const mine = await call(w.users.author, 'GET', '/opinions?view=mine&state=draft&pageSize=100');
    const draft = mine.body.items.find((i: { title: string }) => i.title === '关于加强农村饮水安全的建议');
    expect(draft).toBeDefined();
    const detail = await call(w.users.author, 'GET', `/opinions/${draft.id}`);
    expect(detail.body.sourceProposal).toEqual({ id: proposal!.id, title: '关于加强农村饮水安全的建议' });
  });
});

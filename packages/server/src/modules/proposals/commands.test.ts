import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import * as s from '../../db/schema';
import { buildCommittee, buildProposal } from '../../../test/factories';
import {
  dutyOf,
  notificationsOf,
  useProposalWorld,
  validProposal,
  walkProposal,
  walkTargets,
} from './proposal-world.fixture';
import { runProposalReminders } from './reminders';
import { subscribe } from '../../lib/events';

const { t, w, call } = useProposalWorld();

/** A proposal of the lead member, walked by the API up to `until`. */
const proposalIn = (
  until: 'submitted' | 'reviewing' | 'accepted' | 'assigned',
  extra: Record<string, unknown> = {},
) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read the detail's fields freely, as they did from `caller`
  walkProposal(t, w, until, { proposal: extra }) as Promise<Record<string, any>>;

const proposalCount = async () =>
  Number((await w.db.execute(sql`select count(*)::int as n from proposals`)).rows[0]!.n);

/** An attachment row as an upload leaves it: owned by nobody until a record takes it. */
async function uploaded(fileName: string, mimeType: string, uploadedBy: number) {
  const [file] = await w.db
    .insert(s.attachments)
    .values({
      committeeId: w.committee.id,
      fileName,
      mimeType,
      size: 10,
      sha256: 'x',
      storageKey: `k-${fileName}`,
      uploadedBy,
    })
    .returning();
  return file!;
}

describe('the shared walk', () => {
  it.each(walkTargets)('brings a new proposal to %s through the API', async (target) => {
    const p = await walkProposal(t, w, target);
    const [row] = await w.db.select().from(s.proposals).where(eq(s.proposals.id, p.id));
    expect(row!.state).toBe(target);
  });
});

describe('bad input is refused with a clear message and changes nothing', () => {
  it.each([
    ['over-long title', { title: '关'.repeat(61) }, /不超过 60 个字/],
    ['empty content', { content: '   ' }, /请填写提案内容/],
    ['content over the committee limit', { content: '字'.repeat(3001) }, /不超过 3000 个字/],
    ['unknown category', { category: '不存在的类别' }, /类别应为/],
    ['unknown unit', { suggestedUnitIds: [999999] }, /承办单位不存在/],
    ['unknown field', { secret: 1 }, /不允许的字段|secret/],
  ])('%s', async (_name, patch, message) => {
    const before = await proposalCount();
    const res = await call(w.users.lead, 'POST', '/proposals', validProposal(patch));
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toMatch(message);
    expect(await proposalCount()).toBe(before);
  });

  it('an attachment of a forbidden type', async () => {
    const file = await uploaded('病毒.exe', 'application/x-msdownload', w.users.lead.userId);
    const before = await proposalCount();
    const res = await call(w.users.lead, 'POST', '/proposals', validProposal({ attachmentIds: [file.id] }));
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/类型不允许/);
    expect(await proposalCount()).toBe(before);
    const [after] = await w.db.select().from(s.attachments).where(eq(s.attachments.id, file.id));
    expect(after!.ownerId).toBeNull();
  });

  it('someone else’s upload cannot be attached', async () => {
    const file = await uploaded('调研报告.pdf', 'application/pdf', w.users.co.userId);
    const res = await call(w.users.lead, 'POST', '/proposals', validProposal({ attachmentIds: [file.id] }));
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/附件不存在/);
  });

  it('users without a member record cannot file proposals', async () => {
    const res = await call(w.users.staff, 'POST', '/proposals', validProposal());
    expect(res.status).toBe(403);
  });

  it('a forbidden transition is refused and nothing changes', async () => {
    const p = await proposalIn('submitted');
    const before = await call(w.users.staff, 'GET', `/proposals/${p.id}`);
    const res = await call(w.users.staff, 'POST', `/proposals/${p.id}/assign`, {
      units: [{ unitId: w.units.a.id, role: 'lead' }],
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(res.body.message).toBe('提案当前状态为“已提交”，不能执行“交办”');
    const after = await call(w.users.staff, 'GET', `/proposals/${p.id}`);
    expect(after.body).toEqual(before.body);
  });
});

describe('staff acting at the same moment', () => {
  it('two staff accept the same proposal: exactly one succeeds, one number, one duty record', async () => {
    const p = await proposalIn('reviewing');
    const results = await Promise.all([
      call(w.users.staff, 'POST', `/proposals/${p.id}/accept`, { version: p.version }),
      call(w.users.staff2, 'POST', `/proposals/${p.id}/accept`, { version: p.version }),
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    const refused = results.find((r) => r.status === 409)!;
    expect(refused.body.code).toBe('CONFLICT');
    expect(refused.body.message).toMatch(/刚被他人处理/);
    const duty = (await dutyOf(w.db, p.id)).filter((d) => d.kind === 'proposal.accepted');
    expect(duty).toHaveLength(1);
    const timeline = await w.db
      .select()
      .from(s.timelineEvents)
      .where(and(eq(s.timelineEvents.recordId, p.id), eq(s.timelineEvents.action, 'accept')));
    expect(timeline).toHaveLength(1);
  });

  it('parallel accepts of different proposals never share a number', async () => {
    const ps = [];
    for (let i = 0; i < 6; i++)
      ps.push(await proposalIn('reviewing', { title: `关于第${i}项民生工程的建议` }));
    const results = await Promise.all(
      ps.map((p, i) => call(i % 2 ? w.users.staff : w.users.staff2, 'POST', `/proposals/${p.id}/accept`, {})),
    );
    expect(
      results.every((r) => r.status === 200),
      JSON.stringify(results.map((r) => r.body.message)),
    ).toBe(true);
    const rows = await w.db
      .select({ n: s.proposals.number })
      .from(s.proposals)
      .where(eq(s.proposals.sessionId, w.session.id));
    const numbers = rows.map((r) => r.n).filter((n) => n !== null);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('two staff assign the same proposal: one succeeds, the other gets a conflict and no slot is added', async () => {
    const p = await proposalIn('accepted');
    const results = await Promise.all([
      call(w.users.staff, 'POST', `/proposals/${p.id}/assign`, {
        units: [{ unitId: w.units.a.id, role: 'lead' }],
        version: p.version,
      }),
      call(w.users.staff2, 'POST', `/proposals/${p.id}/assign`, {
        units: [{ unitId: w.units.b.id, role: 'lead' }],
        version: p.version,
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const slots = await w.db.select().from(s.proposalUnits).where(eq(s.proposalUnits.proposalId, p.id));
    expect(slots).toHaveLength(1);
  });
});

describe('review outcomes', () => {
  it('reject needs a configured ground; 转为社情民意 emits the event for the opinions module', async () => {
    const p = await proposalIn('reviewing');
    const bad = await call(w.users.staff, 'POST', `/proposals/${p.id}/reject`, {
      ground: '随便',
      reason: '理由',
      disposition: 'none',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/不予立案理由应为/);
    const seen: number[] = [];
    const off = subscribe('proposal.convertedToOpinion', 'test-listener', async (_tx, e) => {
      seen.push(e.payload.proposalId);
    });
    const res = await call(w.users.staff, 'POST', `/proposals/${p.id}/reject`, {
      ground: '内容空泛、没有具体建议',
      reason: '建议内容较为笼统，宜作为社情民意反映',
      disposition: 'convertToOpinion',
    });
    off();
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.state).toBe('rejected');
    expect(seen).toEqual([p.id]);
    const events = await w.db
      .select()
      .from(s.domainEvents)
      .where(eq(s.domainEvents.name, 'proposal.convertedToOpinion'));
    expect(events.map((e) => (e.payload as { proposalId: number }).proposalId)).toContain(p.id);
    // The opinions module turns it into a draft for the proposer (modules/opinions/from-proposal.ts).
    expect(events.find((e) => (e.payload as { proposalId: number }).proposalId === p.id)!.handledBy).toEqual([
      'opinions.draftFromProposal',
      'test-listener',
    ]);
    expect(await notificationsOf(w.db, w.users.lead.userId, 'proposal.rejected')).not.toHaveLength(0);
  });

  it('return for revision, edit, resubmit', async () => {
    const p = await proposalIn('reviewing');
    const back = await call(w.users.staff, 'POST', `/proposals/${p.id}/return`, {
      comment: '请补充具体的资金测算',
    });
    expect(back.body).toMatchObject({ state: 'returned', returnComment: '请补充具体的资金测算' });
    const edited = await call(w.users.lead, 'PATCH', `/proposals/${p.id}`, {
      content: '补充：资金测算约 3000 万元。',
    });
    expect(edited.status).toBe(200);
    const cosign = await call(w.users.lead, 'PATCH', `/proposals/${p.id}`, {
      coProposerMemberIds: [w.members.co.id],
    });
    expect(cosign.status).toBe(400);
    expect((await call(w.users.co, 'PATCH', `/proposals/${p.id}`, { title: '别人改标题' })).status).toBe(404);
    const again = await call(w.users.lead, 'POST', `/proposals/${p.id}/submit`, {});
    expect(again.body.state).toBe('submitted');
  });

  it('merge: the merged proposers join the main proposal as co-proposers and earn accepted(co)', async () => {
    const main = await proposalIn('accepted', { title: '关于加强农村饮水安全保障的建议' });
    const created = await call(
      w.users.other,
      'POST',
      '/proposals',
      validProposal({ title: '关于保障农村饮水安全的建议' }),
    );
    const id = created.body.id;
    await call(w.users.other, 'POST', `/proposals/${id}/submit`, {});
    await call(w.users.staff, 'POST', `/proposals/${id}/claim-review`, {});
    const similar = await call(w.users.staff, 'GET', `/search/similar/proposal/${id}`);
    expect(similar.status).toBe(200);
    expect(similar.body.items.map((i: { id: number }) => i.id)).toContain(main.id);
    expect((await call(w.users.other, 'GET', `/search/similar/proposal/${id}`)).status).toBe(403);
    const merged = await call(w.users.staff, 'POST', `/proposals/${id}/merge`, { intoProposalId: main.id });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body).toMatchObject({ state: 'merged', mergedIntoId: main.id });
    const mainNow = await call(w.users.other, 'GET', `/proposals/${main.id}`);
    expect(mainNow.status).toBe(200);
    expect(
      mainNow.body.proposers.find((p: { memberId: number }) => p.memberId === w.members.other.id),
    ).toMatchObject({ role: 'co', mergedFromId: id });
    const duty = (await dutyOf(w.db, main.id)).filter((d) => d.memberId === w.members.other.id);
    expect(duty.map((d) => [d.kind, d.role])).toEqual([['proposal.accepted', 'co']]);
  });

  it('similar titles flag an exact duplicate first', async () => {
    const a = await proposalIn('submitted', { title: '关于规范城区电动车充电管理的建议' });
    const b = await proposalIn('reviewing', { title: '关于规范城区电动车充电管理的建议' });
    const res = await call(w.users.staff, 'GET', `/search/similar/proposal/${b.id}`);
    expect(res.body.items[0]).toMatchObject({ id: a.id, exact: true });
  });

  it('withdraw before acceptance withdraws the submission duty; after acceptance it is refused', async () => {
    const p = await proposalIn('submitted');
    const res = await call(w.users.lead, 'POST', `/proposals/${p.id}/withdraw`, {
      reason: '已通过其他渠道解决',
    });
    expect(res.body.state).toBe('withdrawn');
    const duty = await dutyOf(w.db, p.id);
    expect(duty.every((d) => d.withdrawnAt !== null)).toBe(true);
    const q = await proposalIn('accepted');
    const refused = await call(w.users.lead, 'POST', `/proposals/${q.id}/withdraw`, {});
    expect(refused.status).toBe(409);
  });
});

describe('handling', () => {
  it('decline returns the slot to staff, who reassign; extension never passes 6 months', async () => {
    const p = await proposalIn('assigned');
    expect(
      (await call(w.users.handlerB, 'POST', `/proposals/${p.id}/decline`, { reason: '不属本单位' })).status,
    ).toBe(404);
    const declined = await call(w.users.handlerA, 'POST', `/proposals/${p.id}/decline`, {
      reason: '该事项属财政局职责',
    });
    expect(declined.status).toBe(200);
    expect(await notificationsOf(w.db, w.users.staff.userId, 'proposal.unitDeclined')).not.toHaveLength(0);
    expect((await call(w.users.handlerA, 'GET', `/proposals/${p.id}`)).status).toBe(404);
    const re = await call(w.users.staff, 'POST', `/proposals/${p.id}/assign`, {
      units: [{ unitId: w.units.b.id, role: 'lead' }],
    });
    expect(re.status, JSON.stringify(re.body)).toBe(200);
    const far = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
    const tooLate = await call(w.users.staff, 'POST', `/proposals/${p.id}/extend-deadline`, {
      unitId: w.units.b.id,
      deadline: far,
      reason: '需跨年实施',
    });
    expect(tooLate.status).toBe(400);
    expect(tooLate.body.message).toMatch(/不能超过交办后 6 个月/);
    const ok = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10);
    const extended = await call(w.users.staff, 'POST', `/proposals/${p.id}/extend-deadline`, {
      unitId: w.units.b.id,
      deadline: ok,
      reason: '需跨年实施',
    });
    expect(extended.status, JSON.stringify(extended.body)).toBe(200);
    expect(
      extended.body.units.find(
        (u: { unitId: number; active: boolean }) => u.unitId === w.units.b.id && u.active,
      ).extensionReason,
    ).toBe('需跨年实施');
    expect(
      (
        await call(w.users.handlerB, 'POST', `/proposals/${p.id}/extend-deadline`, {
          unitId: w.units.b.id,
          deadline: ok,
          reason: 'x',
        })
      ).status,
    ).toBe(403);
  });

  it('reminders: a week before the deadline, then overdue; each only once', async () => {
    const p = await proposalIn('assigned');
    const soon = new Date(Date.now() + 3 * 86_400_000);
    await w.db.update(s.proposalUnits).set({ deadline: soon }).where(eq(s.proposalUnits.proposalId, p.id));
    const first = await runProposalReminders(t.database.db);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    await runProposalReminders(t.database.db);
    const reminders = (await notificationsOf(w.db, w.users.handlerA.userId, 'proposal.deadlineSoon')).filter(
      (n) => n.link === `/proposals/${p.id}`,
    );
    expect(reminders).toHaveLength(1);
    const later = new Date(soon.getTime() + 86_400_000);
    const overdueRun = await runProposalReminders(t.database.db, later);
    expect(overdueRun.overdue).toBeGreaterThanOrEqual(1);
    await runProposalReminders(t.database.db, later);
    const overdue = (await notificationsOf(w.db, w.users.handlerA.userId, 'proposal.overdue')).filter(
      (n) => n.link === `/proposals/${p.id}`,
    );
    expect(overdue).toHaveLength(1);
    expect(await notificationsOf(w.db, w.users.staff.userId, 'proposal.overdue')).not.toHaveLength(0);
    await w.db
      .update(s.proposalUnits)
      .set({ deadline: new Date(Date.now() - 86_400_000) })
      .where(eq(s.proposalUnits.proposalId, p.id));
    const board = await call(w.users.staff, 'GET', '/proposals?view=overdue');
    expect(board.body.items.map((i: { id: number }) => i.id)).toContain(p.id);
    expect(board.body.items.find((i: { id: number }) => i.id === p.id).overdue).toBe(true);
    expect((await call(w.users.lead, 'GET', '/proposals?view=overdue')).status).toBe(403);
  });

  it('batch assignment for a 交办会 is all or nothing', async () => {
    const a = await proposalIn('accepted');
    const b = await proposalIn('accepted');
    const bad = await call(w.users.staff, 'POST', '/proposals/batch-assign', {
      items: [
        { proposalId: a.id, units: [{ unitId: w.units.a.id, role: 'lead' }] },
        { proposalId: b.id, units: [{ unitId: 999999, role: 'lead' }] },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/第 2 件/);
    expect((await call(w.users.staff, 'GET', `/proposals/${a.id}`)).body.state).toBe('accepted');
    const ok = await call(w.users.staff, 'POST', '/proposals/batch-assign', {
      items: [
        {
          proposalId: a.id,
          units: [
            { unitId: w.units.a.id, role: 'separate' },
            { unitId: w.units.b.id, role: 'separate' },
          ],
        },
        { proposalId: b.id, units: [{ unitId: w.units.c.id, role: 'lead' }] },
      ],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.assigned.map((x: { state: string }) => x.state)).toEqual(['assigned', 'assigned']);
    expect(
      (
        await call(w.users.handlerA, 'POST', '/proposals/batch-assign', {
          items: [{ proposalId: a.id, units: [{ unitId: w.units.a.id, role: 'lead' }] }],
        })
      ).status,
    ).toBe(403);
  });
});

describe('key and excellent proposals', () => {
  it('staff nominate with supervising leaders, a leader approves: duty proposal.key; supervisor logs a visit', async () => {
    const p = await proposalIn('accepted');
    expect((await call(w.users.leader, 'POST', `/proposals/${p.id}/key`, { key: true })).status).toBe(403);
    const nominated = await call(w.users.staff, 'POST', `/proposals/${p.id}/key`, {
      key: true,
      supervisorUserIds: [w.users.partyLeader.userId],
    });
    expect(nominated.status, JSON.stringify(nominated.body)).toBe(200);
    expect(
      (await call(w.users.staff, 'POST', `/proposals/${p.id}/key/approve`, { approve: true })).status,
    ).toBe(403);
    const approved = await call(w.users.leader, 'POST', `/proposals/${p.id}/key/approve`, { approve: true });
    expect(approved.body.keyStatus).toBe('approved');
    expect(
      (await dutyOf(w.db, p.id)).some((d) => d.kind === 'proposal.key' && d.memberId === w.members.lead.id),
    ).toBe(true);
    const keyList = await call(w.users.partyLeader, 'GET', '/proposals?view=key');
    expect(keyList.body.items.map((i: { id: number }) => i.id)).toEqual([p.id]);
    const log = await call(w.users.partyLeader, 'POST', `/proposals/${p.id}/supervision-logs`, {
      kind: 'visit',
      text: '赴现场督办，听取进展汇报',
      occurredOn: '2025-05-01',
    });
    expect(log.status, JSON.stringify(log.body)).toBe(200);
    expect(log.body.supervisionLogs).toHaveLength(1);
    const dropped = await call(w.users.staff, 'POST', `/proposals/${p.id}/key`, { key: false });
    expect(dropped.body.keyStatus).toBe('none');
    expect((await dutyOf(w.db, p.id)).find((d) => d.kind === 'proposal.key')!.withdrawnAt).not.toBeNull();
  });

  it('excellent proposals are capped at 5% of accepted (at least one)', async () => {
    const p = await proposalIn('accepted');
    const q = await proposalIn('accepted');
    // Clear earlier nominations of this session so the cap is computed here.
    await w.db
      .update(s.proposals)
      .set({ excellentStatus: 'none' })
      .where(eq(s.proposals.sessionId, w.session.id));
    const first = await call(w.users.staff, 'POST', `/proposals/${p.id}/excellent`, { excellent: true });
    expect(first.status).toBe(200);
    const second = await call(w.users.staff, 'POST', `/proposals/${q.id}/excellent`, { excellent: true });
    expect(second.status).toBe(409);
    expect(second.body.message).toMatch(/优秀提案不超过已立案提案的 5%/);
    const approved = await call(w.users.leader, 'POST', `/proposals/${p.id}/excellent/approve`, {
      approve: true,
    });
    expect(approved.body.excellentStatus).toBe('approved');
    expect((await dutyOf(w.db, p.id)).some((d) => d.kind === 'proposal.excellent')).toBe(true);
  });
});

describe('lists', () => {
  it('my proposals, filters and paging; another committee’s proposal never shows', async () => {
    const other = await buildProposal(w.db, (await buildCommittee(w.db)).id, {
      state: 'submitted',
      title: '别的政协的提案',
    });
    const mine = await call(
      w.users.lead,
      'GET',
      '/proposals?view=mine&pageSize=2&sort=submittedAt&order=desc',
    );
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(2);
    expect(mine.body.total).toBeGreaterThan(2);
    const all = await call(w.users.staff, 'GET', '/proposals?view=all&pageSize=200');
    expect(all.body.items.map((i: { id: number }) => i.id)).not.toContain(other.id);
    expect(all.body.items.every((i: { state: string }) => !['draft', 'cosigning'].includes(i.state))).toBe(
      true,
    );
    const accepted = await call(w.users.staff, 'GET', '/proposals?view=all&stage=accepted&pageSize=200');
    expect(accepted.body.items.every((i: { number: number | null }) => i.number !== null)).toBe(true);
    const bad = await call(w.users.staff, 'GET', '/proposals?sort=password');
    expect(bad.status).toBe(400);
    expect((await call(w.users.staff, 'GET', '/proposals?view=mine')).status).toBe(403);
  });
});

import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import * as s from '../../db/schema';
import { buildSpecialCommittee } from '../../../test/factories';
import { freshYear, usePlanWorld, validPlan, walkPlan } from './plan-world.fixture';

const { t, w, call } = usePlanWorld();

type Item = {
  id: number;
  topic: string;
  kind: string;
  quarter: number;
  leadSpecialCommitteeId: number | null;
};
/** The plan's items as the update body sends them back. */
const asInput = (items: Item[]) =>
  items.map(({ id, topic, kind, quarter, leadSpecialCommitteeId }) => ({
    id,
    topic,
    kind,
    quarter,
    leadSpecialCommitteeId,
  }));
const auditOf = (planId: number) =>
  w.db
    .select()
    .from(s.auditLog)
    .where(and(eq(s.auditLog.targetType, 'consultationPlan'), eq(s.auditLog.targetId, String(planId))));
const planCount = async () =>
  (await w.db.execute(sql`select count(*)::int as n from consultation_plans`)).rows[0];
const itemsOf = (planId: number) =>
  w.db.select().from(s.consultationPlanItems).where(eq(s.consultationPlanItems.planId, planId));

describe('drawing up, sending and approving the plan', () => {
  it('is drafted by the liaison staff, edited as a whole list, submitted, taken back, resubmitted and approved', async () => {
    const year = freshYear();
    const created = await call(w.users.staff, 'POST', '/consultation-plans', validPlan(w, year));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      year,
      state: 'draft',
      stateLabel: '草拟中',
      counts: { done: 0, inProgress: 0, notStarted: 3, total: 3, unit: '项' },
      policies: { canUpdate: true, canSubmit: true, canApprove: false, canWithdraw: false },
    });
    const first = created.body.items[0];
    expect(first).toMatchObject({
      kindLabel: '专题协商会',
      leadSpecialCommitteeName: '经济委员会',
      quarter: 1,
      progress: 'notStarted',
      progressLabel: '未开展',
      activities: [],
    });

    // The whole list: the first kept (same id), the second changed, the third dropped, one added.
    const [a, b] = created.body.items as Item[];
    const updated = await call(w.users.staff, 'PATCH', `/consultation-plans/${created.body.id}`, {
      items: [
        ...asInput([a!]),
        { ...asInput([b!])[0], quarter: 4, topic: '优化县域营商环境（修改）' },
        { topic: '养老服务体系建设', kind: 'research', quarter: 2 },
      ],
      version: created.body.version,
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body.items.map((i: Item) => [i.topic, i.quarter])).toEqual([
      ['推进乡村振兴产业发展', 1],
      ['养老服务体系建设', 2],
      ['优化县域营商环境（修改）', 4],
    ]);
    expect(updated.body.items[0].id).toBe(a!.id);
    expect(updated.body.items[2].id).toBe(b!.id);

    const submit = (version: number) =>
      call(w.users.staff, 'POST', `/consultation-plans/${created.body.id}/submit`, { version });
    const submitted = await submit(updated.body.version);
    expect(submitted.body).toMatchObject({ state: 'submitted', stateLabel: '已报党委' });
    expect(submitted.body.submittedAt).not.toBeNull();
    // Submitted: the items are the Party committee's to read, not to be changed meanwhile.
    const frozen = await call(w.users.staff, 'PATCH', `/consultation-plans/${created.body.id}`, {
      items: [],
      version: submitted.body.version,
    });
    expect(frozen.status).toBe(409);
    expect(frozen.body.message).toBe('年度协商计划当前状态为“已报党委”，不能执行“修改计划”');

    const noReason = await call(w.users.staff, 'POST', `/consultation-plans/${created.body.id}/withdraw`, {
      version: submitted.body.version,
    });
    expect(noReason.status).toBe(400);
    const withdrawn = await call(w.users.staff, 'POST', `/consultation-plans/${created.body.id}/withdraw`, {
      reason: '按县委办意见补充议题',
      version: submitted.body.version,
    });
    expect(withdrawn.body).toMatchObject({ state: 'draft', submittedAt: null });
    const again = await submit(withdrawn.body.version);
    expect(again.status).toBe(200);

    const approve = (body: Record<string, unknown>) =>
      call(w.users.staff, 'POST', `/consultation-plans/${created.body.id}/approve`, body);
    expect((await approve({ documentNumber: '永党办〔2026〕5号', version: again.body.version })).status).toBe(
      400,
    );
    const future = await approve({
      approvedOn: '2099-01-01',
      documentNumber: '永党办〔2026〕5号',
      version: again.body.version,
    });
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.body)).toContain('批准日期不能晚于今天');
    const approved = await approve({
      approvedOn: '2026-02-10',
      documentNumber: '永党办〔2026〕5号',
      version: again.body.version,
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({
      state: 'approved',
      stateLabel: '已批准',
      approvedOn: '2026-02-10',
      documentNumber: '永党办〔2026〕5号',
      policies: { canUpdate: false, canSubmit: false, canApprove: false, canWithdraw: false, canRead: true },
    });
    expect(approved.body.timeline.map((e: { actionLabel: string }) => e.actionLabel)).toEqual([
      '新建计划',
      '修改计划',
      '报送党委',
      '退回修改',
      '报送党委',
      '登记批准',
    ]);
    expect(approved.body.timeline[3].note).toBe('按县委办意见补充议题');
    const audit = (await auditOf(created.body.id)).map((e) => e.action).sort();
    expect(audit).toEqual(
      [
        'consultationPlan.approve',
        'consultationPlan.create',
        'consultationPlan.submit',
        'consultationPlan.submit',
        'consultationPlan.update',
        'consultationPlan.withdraw',
      ].sort(),
    );
    // Approved: nothing is taken back any more.
    const late = await call(w.users.staff, 'POST', `/consultation-plans/${created.body.id}/withdraw`, {
      reason: '再改',
    });
    expect(late.status).toBe(409);
  });

  it('refuses a stale version, sending a plan without items, and a second plan of the same year', async () => {
    const empty = await walkPlan(t, w, 'draft', { items: [] });
    const stale = await call(w.users.staff, 'PATCH', `/consultation-plans/${empty.id}`, {
      items: [],
      version: empty.version + 1,
    });
    expect(stale.status).toBe(409);
    const send = await call(w.users.staff, 'POST', `/consultation-plans/${empty.id}/submit`, {});
    expect(send.status).toBe(409);
    expect(send.body.message).toContain('还没有协商事项');

    const before = await planCount();
    const twice = await call(w.users.staff, 'POST', '/consultation-plans', validPlan(w, empty.year));
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe(`本会${empty.year}年度协商计划已存在，请在原计划中修改`);
    expect(await planCount()).toEqual(before);
    // Another committee has its own plan of that year.
    const other = await call(w.users.otherStaff, 'POST', '/consultation-plans', {
      year: empty.year,
      title: '贺兰县政协年度协商计划',
      items: [],
    });
    expect(other.status).toBe(201);
  });

  it('refuses items the schema or the committee does not know, and writes nothing', async () => {
    const year = freshYear();
    const before = await planCount();
    const foreignCommittee = await buildSpecialCommittee(w.db, w.committees.other.id, '贺兰县经济委员会');
    const withForeign = validPlan(w, year);
    withForeign.items[1] = { ...withForeign.items[1]!, leadSpecialCommitteeId: foreignCommittee.id };
    const foreign = await call(w.users.staff, 'POST', '/consultation-plans', withForeign);
    expect(foreign.status).toBe(400);
    expect(foreign.body.details.fields[0].path).toBe('body.items.1.leadSpecialCommitteeId');
    const badKind = validPlan(w, year);
    badKind.items[0] = { ...badKind.items[0]!, kind: 'banquet' };
    const kind = await call(w.users.staff, 'POST', '/consultation-plans', badKind);
    expect(kind.status).toBe(400);
    expect(kind.body.message).toContain('不在本会设置的活动类型中');
    const badQuarter = validPlan(w, year);
    badQuarter.items[0] = { ...badQuarter.items[0]!, quarter: 5 };
    expect((await call(w.users.staff, 'POST', '/consultation-plans', badQuarter)).status).toBe(400);
    expect(await planCount()).toEqual(before);

    const plan = await walkPlan(t, w);
    const itemsBefore = await itemsOf(plan.id);
    const update = await call(w.users.staff, 'PATCH', `/consultation-plans/${plan.id}`, {
      items: [
        ...asInput(plan.items),
        { topic: '新增议题', kind: 'research', quarter: 2, leadSpecialCommitteeId: foreignCommittee.id },
      ],
      version: plan.version,
    });
    expect(update.status).toBe(400);
    const notOurs = await call(w.users.staff, 'PATCH', `/consultation-plans/${plan.id}`, {
      items: [{ id: 2_000_000, topic: '别的计划的事项', kind: 'research', quarter: 1 }],
      version: plan.version,
    });
    expect(notOurs.status).toBe(400);
    expect(await itemsOf(plan.id)).toEqual(itemsBefore);
    const [row] = await w.db.select().from(s.consultationPlans).where(eq(s.consultationPlans.id, plan.id));
    expect(row!.version).toBe(plan.version);
  });
});

describe('who sees and acts on the plan', () => {
  it('lets leaders read, refuses them and members every step, and hides the plan from members and other committees', async () => {
    const plan = await walkPlan(t, w, 'submitted');
    const read = await call(w.users.leader, 'GET', `/consultation-plans/${plan.id}`);
    expect(read.status).toBe(200);
    expect(read.body.policies).toMatchObject({ canRead: true, canApprove: false, canWithdraw: false });
    expect((await call(w.users.leader, 'GET', '/consultation-plans')).status).toBe(200);
    const leaderApproves = await call(w.users.leader, 'POST', `/consultation-plans/${plan.id}/approve`, {
      approvedOn: '2026-02-10',
      documentNumber: '永党办〔2026〕5号',
    });
    expect(leaderApproves.status).toBe(403);
    expect(
      (await call(w.users.leader, 'POST', '/consultation-plans', validPlan(w, freshYear()))).status,
    ).toBe(403);

    for (const who of [w.users.standing, w.users.opinionStaff, w.users.otherStaff]) {
      expect((await call(who, 'GET', `/consultation-plans/${plan.id}`)).status).toBe(404);
      expect((await call(who, 'GET', `/consultation-plans/${plan.id}/document.docx`)).status).toBe(404);
      expect(
        (await call(who, 'POST', `/consultation-plans/${plan.id}/withdraw`, { reason: '撤回' })).status,
      ).toBe(404);
    }
    expect((await call(w.users.standing, 'GET', '/consultation-plans')).status).toBe(403);
    expect(
      (await call(w.users.standing, 'GET', `/consultation-plans/item-options?year=${plan.year}`)).status,
    ).toBe(403);
    expect(
      (await call(w.users.standing, 'POST', '/consultation-plans', validPlan(w, freshYear()))).status,
    ).toBe(403);
    const others = await call(w.users.otherStaff, 'GET', '/consultation-plans');
    expect(others.body.items.map((p: { id: number }) => p.id)).not.toContain(plan.id);
  });
});

import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { eq } from 'drizzle-orm';
import * as s from '../../db/schema';
import { as } from '../../../test/harness';
import { buildActivity } from '../../../test/factories';
import { usePlanWorld, walkPlan } from './plan-world.fixture';

const { t, w, call } = usePlanWorld();

type Item = { id: number; topic: string; progress: string; activities: { id: number; state: string }[] };

/** An activity of the committee carrying out the plan item, in `state`. */
const carryOut = (committeeId: number, planItemId: number, state: string, topic: string) =>
  buildActivity(w.db, committeeId, { planItemId, state, topic });

describe('progress of the plan', () => {
  it('counts an item done once a linked activity is closed, in progress while they are open, not started without one', async () => {
    const plan = await walkPlan(t, w, 'approved');
    const [first, second] = plan.items as Item[];
    await carryOut(w.committees.county.id, first!.id, 'closed', '乡村振兴产业发展专题协商会');
    await carryOut(w.committees.county.id, first!.id, 'published', '乡村振兴产业发展回头看');
    await carryOut(w.committees.county.id, second!.id, 'planned', '营商环境对口协商会（筹备）');
    // An activity of another committee pointing at the item is none of this plan's.
    await carryOut(w.committees.other.id, plan.items[2].id, 'closed', '贺兰县的活动');

    const read = await call(w.users.leader, 'GET', `/consultation-plans/${plan.id}`);
    expect(read.status).toBe(200);
    const items = read.body.items as Item[];
    expect(items.map((i) => [i.topic, i.progress])).toEqual([
      ['推进乡村振兴产业发展', 'done'],
      ['优化县域营商环境', 'inProgress'],
      ['老旧小区改造民主监督', 'notStarted'],
    ]);
    expect(items[0]!.activities.map((a) => a.state)).toEqual(['closed', 'published']);
    expect(items[2]!.activities).toEqual([]);
    expect(read.body.counts).toEqual({ done: 1, inProgress: 1, notStarted: 1, total: 3, unit: '项' });

    const list = await call(w.users.staff, 'GET', `/consultation-plans?year=${plan.year}`);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].counts).toEqual(read.body.counts);

    // Cancelled still counts as carried out in part: linked, none closed.
    const [reopened] = await w.db
      .select()
      .from(s.activities)
      .where(eq(s.activities.topic, '乡村振兴产业发展专题协商会'));
    await w.db.update(s.activities).set({ state: 'cancelled' }).where(eq(s.activities.id, reopened!.id));
    const after = await call(w.users.staff, 'GET', `/consultation-plans/${plan.id}`);
    expect(after.body.items[0].progress).toBe('inProgress');
  });

  it('keeps an item that activities carry out: it may not be dropped from the list', async () => {
    const plan = await walkPlan(t, w);
    await carryOut(w.committees.county.id, plan.items[0].id, 'published', '已开展的调研');
    const dropped = await call(w.users.staff, 'PATCH', `/consultation-plans/${plan.id}`, {
      items: plan.items.slice(1).map((i: Record<string, unknown>) => ({
        id: i.id,
        topic: i.topic,
        kind: i.kind,
        quarter: i.quarter,
      })),
      version: plan.version,
    });
    expect(dropped.status).toBe(409);
    expect(dropped.body.message).toBe('协商事项“推进乡村振兴产业发展”已有关联活动，不能删除');
  });

  it('offers the items of a year to the activity form, by quarter, to the committee only', async () => {
    const plan = await walkPlan(t, w, 'submitted');
    const options = await call(w.users.staff, 'GET', `/consultation-plans/item-options?year=${plan.year}`);
    expect(options.status).toBe(200);
    expect(options.body).toEqual([
      { id: plan.items[0].id, label: '推进乡村振兴产业发展（第一季度）' },
      { id: plan.items[1].id, label: '优化县域营商环境（第二季度）' },
      { id: plan.items[2].id, label: '老旧小区改造民主监督（第三季度）' },
    ]);
    const others = await call(
      w.users.otherStaff,
      'GET',
      `/consultation-plans/item-options?year=${plan.year}`,
    );
    expect(others.body).toEqual([]);
    expect((await call(w.users.staff, 'GET', '/consultation-plans/item-options')).status).toBe(400);
  });
});

describe('the plan as a Word document', () => {
  it('is a docx in the official layout with the approval, the items by quarter and the progress', async () => {
    const plan = await walkPlan(t, w, 'approved');
    await carryOut(w.committees.county.id, plan.items[0].id, 'closed', '乡村振兴专题协商会');
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/consultation-plans/${plan.id}/document.docx`,
      headers: as(w.users.leader),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(`${plan.title}.docx`);
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    for (const text of [
      plan.title,
      '批准文号：永党办〔2026〕5号',
      '批准日期：2026年2月10日',
      '第一季度',
      '第三季度',
      '牵头专委会',
      '形式',
      '推进乡村振兴产业发展',
      '优化县域营商环境（与县发改局对口协商）',
      '老旧小区改造民主监督',
      '经济委员会',
      '专题协商会',
      '已完成 1 项，进行中 0 项，未开展 2 项',
    ])
      expect(xml, text).toContain(text);
    expect(xml).not.toContain('第四季度');
  });
});

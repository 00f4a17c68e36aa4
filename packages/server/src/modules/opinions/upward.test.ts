import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as s from '../../db/schema';
import { useOpinionWorld, walkOpinion } from './opinion-world.fixture';

const { t, w, call } = useOpinionWorld();

/** The parent's record made by a report of `sourceId`. */
async function reportOf(committeeId: number, sourceId: number) {
  const [row] = await w.db
    .select()
    .from(s.opinions)
    .where(and(eq(s.opinions.committeeId, committeeId), eq(s.opinions.sourceOpinionId, sourceId)));
  return row!;
}

describe('三级联动: a county article reported to the city, the province and 全国政协', () => {
  it('carries one article up every level and brings every outcome back to the county', async () => {
    const article = await walkOpinion(t, w, 'adopted');
    const reported = await call(w.users.staff, 'POST', `/opinions/${article.id}/report`, {
      target: 'parent',
    });
    expect(reported.status, JSON.stringify(reported.body)).toBe(200);
    expect(reported.body.reportedTo).toEqual(['city']);

    // The report is a record of the city; the county's staff cannot reach it, the sibling county even less.
    const atCity = await reportOf(w.committees.city.id, article.id);
    expect(atCity).toMatchObject({
      state: 'submitted',
      submitterType: 'report',
      sourceCommitteeId: w.committees.county.id,
    });
    expect((await call(w.users.staff, 'GET', `/opinions/${atCity.id}`)).status).toBe(404);
    expect((await call(w.users.siblingStaff, 'GET', `/opinions/${atCity.id}`)).status).toBe(404);
    const cityInbox = await call(w.users.cityStaff, 'GET', '/opinions?view=inbox&pageSize=100');
    const item = cityInbox.body.items.find((i: { id: number }) => i.id === atCity.id);
    expect(item).toMatchObject({ submitterName: '永宁县政协', sourceCommitteeName: '永宁县政协' });
    const cityDetail = await call(w.users.cityStaff, 'GET', `/opinions/${atCity.id}`);
    expect(cityDetail.body.reportedFrom).toEqual({ committeeName: '永宁县政协', authors: ['王建国'] });

    const again = await call(w.users.staff, 'POST', `/opinions/${article.id}/report`, { target: 'parent' });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('该信息已报送过这一级政协，不能重复报送');

    // The city decides with the same workflow, and the county sees 被市级政协采用.
    const returned = await call(w.users.cityStaff, 'POST', `/opinions/${atCity.id}/return`, {
      comment: '请补充',
    });
    expect(returned.status).toBe(400);
    const adopted = await call(w.users.cityStaff, 'POST', `/opinions/${atCity.id}/adopt`, {});
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(200);
    const county = await call(w.users.author, 'GET', `/opinions/${article.id}`);
    expect(county.body.ledger.map((l: { text: string }) => l.text)).toEqual([
      '被县（区）级政协采用',
      '报送市级政协',
      '被市级政协采用',
    ]);
    const cityCredit = await w.db
      .select()
      .from(s.dutyRecords)
      .where(
        and(
          eq(s.dutyRecords.memberId, w.members.author.id),
          eq(s.dutyRecords.kind, 'opinion.adopted'),
          eq(s.dutyRecords.level, 'city'),
        ),
      );
    expect(cityCredit).toHaveLength(1);
    expect(cityCredit[0]!.committeeId).toBe(w.committees.county.id);

    // A city leader's instruction, recorded by the city's staff, counts for the county's article too.
    const instructed = await call(w.users.cityStaff, 'POST', `/opinions/${atCity.id}/instructions`, {
      leaderName: '张明',
      leaderPost: '市委副书记',
      level: 'city',
      text: '请市农业农村局研究落实。',
      instructedOn: '2026-11-20',
    });
    expect(instructed.status, JSON.stringify(instructed.body)).toBe(200);

    // On to the province, adopted there, and on to 全国政协 with its outcome entered by hand.
    await call(w.users.cityStaff, 'POST', `/opinions/${atCity.id}/report`, { target: 'parent' });
    const atProvince = await reportOf(w.committees.province.id, atCity.id);
    const provinceView = await call(w.users.provinceStaff, 'GET', `/opinions/${atProvince.id}`);
    expect(provinceView.body.reportedFrom).toEqual({ committeeName: '银川市政协', authors: ['王建国'] });
    await call(w.users.provinceStaff, 'POST', `/opinions/${atProvince.id}/adopt`, {});
    const noParent = await call(w.users.provinceStaff, 'POST', `/opinions/${atProvince.id}/report`, {
      target: 'parent',
    });
    expect(noParent.status).toBe(400);
    const early = await call(w.users.provinceStaff, 'POST', `/opinions/${atProvince.id}/external-outcome`, {
      occurredOn: '2026-11-28',
    });
    expect(early.status).toBe(409);
    await call(w.users.provinceStaff, 'POST', `/opinions/${atProvince.id}/report`, { target: 'national' });
    const national = await call(
      w.users.provinceStaff,
      'POST',
      `/opinions/${atProvince.id}/external-outcome`,
      {
        occurredOn: '2026-11-28',
        note: '全国政协《社情民意信息》采用',
      },
    );
    expect(national.status, JSON.stringify(national.body)).toBe(200);

    const finalCounty = await call(w.users.author, 'GET', `/opinions/${article.id}`);
    expect(finalCounty.body.ledger.map((l: { text: string }) => l.text)).toEqual(
      expect.arrayContaining([
        '被市级政协采用',
        '获市级领导批示',
        '报送省（自治区）级政协',
        '被省（自治区）级政协采用',
        '报送全国政协',
        '被全国政协采用',
      ]),
    );
    // The county's list says the same, and a parent never sees what was not reported to it.
    const mine = await call(w.users.author, 'GET', '/opinions?view=mine&adoptedLevel=national');
    expect(mine.body.items.map((i: { id: number }) => i.id)).toEqual([article.id]);
    const draft = await walkOpinion(t, w, 'draft');
    expect((await call(w.users.cityStaff, 'GET', `/opinions/${draft.id}`)).status).toBe(404);
    const cityAll = await call(w.users.cityStaff, 'GET', '/opinions?view=all&pageSize=200');
    expect(cityAll.body.items.every((i: { submitterType: string }) => i.submitterType === 'report')).toBe(
      true,
    );
    const levels = (
      await w.db
        .select({ level: s.dutyRecords.level })
        .from(s.dutyRecords)
        .where(
          and(eq(s.dutyRecords.memberId, w.members.author.id), eq(s.dutyRecords.kind, 'opinion.adopted')),
        )
    ).map((r) => r.level);
    expect(levels).toEqual(expect.arrayContaining(['county', 'city', 'province', 'national']));
  });

  it('refuses a reversal of an adoption that was reported on', async () => {
    const article = await walkOpinion(t, w, 'adopted');
    await call(w.users.staff, 'POST', `/opinions/${article.id}/report`, { target: 'parent' });
    const res = await call(w.users.staff, 'POST', `/opinions/${article.id}/reopen`, { reason: '撤回' });
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('该信息已向上级报送，不能撤销采用');
  });

  it('lets the city combine reports from two counties and credits the authors of both', async () => {
    const a = await walkOpinion(t, w, 'adopted', { body: { title: '县里的信息甲' } });
    await call(w.users.staff, 'POST', `/opinions/${a.id}/report`, { target: 'parent' });
    const b = await walkOpinion(t, w, 'adopted', { author: w.users.co, body: { title: '县里的信息乙' } });
    await call(w.users.staff, 'POST', `/opinions/${b.id}/report`, { target: 'parent' });
    const [ra, rb] = [await reportOf(w.committees.city.id, a.id), await reportOf(w.committees.city.id, b.id)];
    const res = await call(w.users.cityStaff, 'POST', `/opinions/${ra.id}/combine`, {
      otherOpinionIds: [rb.id],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const bAtCounty = await call(w.users.co, 'GET', `/opinions/${b.id}`);
    expect(bAtCounty.body.ledger.map((l: { text: string }) => l.text)).toContain('被市级政协采用');
  });
});

describe('instructions and forwarded items', () => {
  it('tracks an instruction until what was done is reported', async () => {
    const article = await walkOpinion(t, w, 'adopted');
    const res = await call(w.users.staff, 'POST', `/opinions/${article.id}/instructions`, {
      leaderName: '李强',
      leaderPost: '县委书记',
      level: 'county',
      text: '请县农业农村局牵头办理。',
      instructedOn: '2026-11-25',
      unitId: w.units.department.id,
    });
    expect(res.body.instructions[0]).toMatchObject({
      leaderName: '李强',
      levelLabel: '县（区）级',
      result: null,
      unitName: '县农业农村局',
    });
    const instructionId = res.body.instructions[0].id;
    // The department it was given to reads the article and reports; another unit does not even see it.
    expect(
      (await call(w.users.department, 'GET', `/opinions/${article.id}`)).body.policies
        .canReportInstructionDone,
    ).toBe(true);
    const stranger = await call(w.users.otherUnit, 'POST', `/opinions/${article.id}/instructions/done`, {
      instructionId,
      result: '冒充',
    });
    expect(stranger.status).toBe(404);
    const done = await call(w.users.department, 'POST', `/opinions/${article.id}/instructions/done`, {
      instructionId,
      result: '已组织 3 家企业签订收购协议。',
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const twice = await call(w.users.staff, 'POST', `/opinions/${article.id}/instructions/done`, {
      instructionId,
      result: '再次',
    });
    expect(twice.status).toBe(409);
    const instructed = await w.db
      .select()
      .from(s.dutyRecords)
      .where(
        and(eq(s.dutyRecords.memberId, w.members.author.id), eq(s.dutyRecords.kind, 'opinion.instructed')),
      );
    expect(instructed.some((d) => d.level === 'county')).toBe(true);
  });

  it('forwards to a department and to 12345; each side sees and does only its part', async () => {
    const article = await walkOpinion(t, w, 'adopted');
    const noNumber = await call(w.users.staff, 'POST', `/opinions/${article.id}/forward`, {
      channel: 'hotline',
      unitId: w.units.hotline.id,
      deadline: '2099-01-31',
    });
    expect(noNumber.status).toBe(400);
    await call(w.users.staff, 'POST', `/opinions/${article.id}/forward`, {
      channel: 'hotline',
      unitId: w.units.hotline.id,
      workOrderNumber: 'GD20261201001',
      deadline: '2099-01-31',
    });
    const forwarded = await call(w.users.staff, 'POST', `/opinions/${article.id}/forward`, {
      channel: 'department',
      unitId: w.units.department.id,
      deadline: '2099-01-31',
    });
    const [hotlineItem, departmentItem] = forwarded.body.forwardings;
    expect(departmentItem).toMatchObject({ state: 'forwarded', unitName: '县农业农村局' });

    const mine = await call(w.users.department, 'GET', '/opinion-forwardings?view=unit');
    expect(mine.body.items.map((f: { id: number }) => f.id)).toEqual([departmentItem.id]);
    expect((await call(w.users.department, 'GET', `/opinions/${article.id}`)).status).toBe(200);
    expect((await call(w.users.otherUnit, 'GET', `/opinions/${article.id}`)).status).toBe(404);
    const wrongUnit = await call(
      w.users.otherUnit,
      'POST',
      `/opinion-forwardings/${departmentItem.id}/answer`,
      { text: '冒充答复' },
    );
    expect(wrongUnit.status).toBe(404);

    await call(w.users.department, 'POST', `/opinion-forwardings/${departmentItem.id}/acknowledge`, {});
    const answered = await call(
      w.users.department,
      'POST',
      `/opinion-forwardings/${departmentItem.id}/answer`,
      { text: '已落实订单收购。' },
    );
    expect(answered.body).toMatchObject({ state: 'answered', answerText: '已落实订单收购。' });
    expect(
      (await call(w.users.department, 'POST', `/opinion-forwardings/${departmentItem.id}/accept`, {})).status,
    ).toBe(403);
    const rejected = await call(w.users.staff, 'POST', `/opinion-forwardings/${departmentItem.id}/reject`, {
      comment: '请说明收购数量',
    });
    expect(rejected.body.state).toBe('acknowledged');
    await call(w.users.department, 'POST', `/opinion-forwardings/${departmentItem.id}/answer`, {
      text: '收购 120 吨。',
    });
    const accepted = await call(
      w.users.staff,
      'POST',
      `/opinion-forwardings/${departmentItem.id}/accept`,
      {},
    );
    expect(accepted.body.state).toBe('accepted');

    // Staff enter what the hotline reported; the hotline's own account may too.
    const hotline = await call(w.users.staff, 'POST', `/opinion-forwardings/${hotlineItem.id}/return`, {
      reason: '不属于热线受理范围',
    });
    expect(hotline.body).toMatchObject({ state: 'returned', returnReason: '不属于热线受理范围' });
  });
});

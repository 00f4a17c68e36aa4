import { describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import * as s from '../../../db/schema';
import { notificationsOf } from '../../../../test/committee-app';
import { buildUnit, signedInUser } from '../../../../test/factories';
import { useActivityWorld, walkActivity } from '../activity-world.fixture';

const { t, w, call } = useActivityWorld();

const liveDuty = (sourceType: string, sourceId: number) =>
  w.db
    .select()
    .from(s.dutyRecords)
    .where(
      and(
        eq(s.dutyRecords.sourceType, sourceType),
        eq(s.dutyRecords.sourceId, sourceId),
        isNull(s.dutyRecords.withdrawnAt),
      ),
    );
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
let units: Promise<Awaited<ReturnType<typeof buildUnits>>> | undefined;
/** Two departments of the county, each with a handler signed in; built once for the file. */
const unitWorld = () => (units ??= buildUnits());
const buildUnits = async () => {
  const unit = await buildUnit(w.db, w.committees.county.id, { name: '县住建局' });
  const other = await buildUnit(w.db, w.committees.county.id, { name: '县教育局' });
  const handler = await signedInUser(t.app, w.committees.county.id, ['unitHandler'], { unitId: unit.id });
  const otherHandler = await signedInUser(t.app, w.committees.county.id, ['unitHandler'], {
    unitId: other.id,
  });
  return { unit, other, handler, otherHandler };
};

describe('suggestions followed to results', () => {
  it('goes 提出 → 报送 → 采纳 → 落实 with the department answering for itself, and takes a step back', async () => {
    const { unit, handler, otherHandler } = await unitWorld();
    const activity = await walkActivity(t, w);
    const created = await call(w.users.staff, 'POST', '/activity-suggestions', {
      activityId: activity.id,
      content: '建议将老旧小区加装电梯纳入民生实事项目，简化审批流程',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      state: 'proposed',
      stateLabel: '已提出',
      activityTopic: activity.topic,
    });
    // Before it is sent the department does not know it exists.
    expect((await call(handler, 'GET', `/activity-suggestions/${created.body.id}`)).status).toBe(404);

    const sent = await call(handler, 'POST', `/activity-suggestions/${created.body.id}/send`, {
      unitId: unit.id,
      deadline: day(30),
    });
    expect(sent.status).toBe(404);
    const sentByStaff = await call(w.users.staff, 'POST', `/activity-suggestions/${created.body.id}/send`, {
      unitId: unit.id,
      deadline: day(30),
      version: created.body.version,
    });
    expect(sentByStaff.body).toMatchObject({
      state: 'sent',
      unitName: '县住建局',
      deadline: day(30),
      overdue: false,
    });
    expect(await notificationsOf(w.db, handler.userId, 'activity.suggestionSent')).toHaveLength(1);
    expect((await call(otherHandler, 'GET', `/activity-suggestions/${created.body.id}`)).status).toBe(404);
    const unitList = await call(handler, 'GET', '/activity-suggestions');
    expect(unitList.body.items.map((i: { id: number }) => i.id)).toEqual([created.body.id]);
    expect((await call(otherHandler, 'GET', '/activity-suggestions')).body.total).toBe(0);

    const adopted = await call(handler, 'POST', `/activity-suggestions/${created.body.id}/adopt`, {
      feedback: '已列入明年民生实事项目',
      adoptedOn: day(0),
    });
    expect(adopted.body).toMatchObject({ state: 'adopted', adoptionFeedback: '已列入明年民生实事项目' });
    const implemented = await call(handler, 'POST', `/activity-suggestions/${created.body.id}/implement`, {
      feedback: '已完成 12 部电梯加装',
      implementedOn: day(0),
    });
    expect(implemented.body).toMatchObject({ state: 'implemented', implementedOn: day(0) });
    // Only the staff take a recorded result back.
    expect(
      (await call(handler, 'POST', `/activity-suggestions/${created.body.id}/reopen`, { reason: '误登' }))
        .status,
    ).toBe(403);
    const reopened = await call(w.users.staff, 'POST', `/activity-suggestions/${created.body.id}/reopen`, {
      reason: '落实情况需补充佐证',
    });
    expect(reopened.body).toMatchObject({ state: 'adopted', implementationFeedback: null });
    expect(reopened.body.adoptionFeedback).toBe('已列入明年民生实事项目');
  });

  it('refuses what is out of place, with a Chinese message and nothing changed', async () => {
    const { unit } = await unitWorld();
    const planned = await walkActivity(t, w, { publish: false });
    const onPlanned = await call(w.users.staff, 'POST', '/activity-suggestions', {
      activityId: planned.id,
      content: '建议',
    });
    expect(onPlanned.status).toBe(409);
    expect(onPlanned.body.message).toContain('尚未发布');
    const activity = await walkActivity(t, w);
    expect(
      (
        await call(w.users.standing, 'POST', '/activity-suggestions', {
          activityId: activity.id,
          content: '建议',
        })
      ).status,
    ).toBe(403);
    const badUnit = await call(w.users.staff, 'POST', '/activity-suggestions', {
      activityId: activity.id,
      content: '建议',
      unitId: 999999,
    });
    expect(badUnit.status).toBe(400);
    const created = await call(w.users.staff, 'POST', '/activity-suggestions', {
      activityId: activity.id,
      content: '建议加强背街小巷路灯维护',
    });
    const early = await call(w.users.staff, 'POST', `/activity-suggestions/${created.body.id}/adopt`, {
      feedback: '采纳',
      adoptedOn: day(0),
    });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('意见建议当前状态为');
    await call(w.users.staff, 'POST', `/activity-suggestions/${created.body.id}/send`, {
      unitId: unit.id,
      deadline: day(10),
    });
    const noReason = await call(w.users.staff, 'POST', `/activity-suggestions/${created.body.id}/decline`, {
      feedback: ' ',
    });
    expect(noReason.status).toBe(400);
    const [row] = await w.db
      .select()
      .from(s.activitySuggestions)
      .where(eq(s.activitySuggestions.id, created.body.id));
    expect(row!.state).toBe('sent');
    expect((await call(w.users.otherStaff, 'GET', `/activity-suggestions/${created.body.id}`)).status).toBe(
      404,
    );
  });

  it('flags a sent suggestion past its deadline as overdue, and lists it under 逾期', async () => {
    const { unit } = await unitWorld();
    const activity = await walkActivity(t, w);
    const created = await call(w.users.staff, 'POST', '/activity-suggestions', {
      activityId: activity.id,
      content: '建议整治农贸市场周边占道经营',
    });
    const sent = await call(w.users.staff, 'POST', `/activity-suggestions/${created.body.id}/send`, {
      unitId: unit.id,
      deadline: day(-2),
    });
    expect(sent.body.overdue).toBe(true);
    const overdue = await call(
      w.users.staff,
      'GET',
      `/activity-suggestions?overdue=true&activityId=${activity.id}`,
    );
    expect(overdue.body.items.map((i: { id: number }) => i.id)).toEqual([created.body.id]);
  });
});

describe('speeches', () => {
  it('takes a written speech from an invited member, counts it when accepted and takes it back when declined', async () => {
    const plenary = await walkActivity(t, w, {
      memberIds: [w.members.standing.id, w.members.grouped.id],
      body: { kind: 'plenary', topic: '县政协第九届委员会第五次会议', inviteDefault: false },
    });
    const submitted = await call(w.users.standing, 'POST', '/activity-speeches', {
      activityId: plenary.id,
      mode: 'written',
      title: '关于推进县域医共体建设的发言',
      content: '发言正文……',
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    expect(submitted.body).toMatchObject({
      state: 'submitted',
      occasionLabel: '大会发言',
      memberName: '王建国',
    });
    expect(await liveDuty('activitySpeech', submitted.body.id)).toHaveLength(0);
    // A member not invited, an oral speech by a member, a member accepting: refused.
    expect(
      (
        await call(w.users.outsider, 'POST', '/activity-speeches', {
          activityId: plenary.id,
          mode: 'written',
          title: '发言',
          content: '内容',
        })
      ).status,
    ).toBe(403);
    const oral = await call(w.users.grouped, 'POST', '/activity-speeches', {
      activityId: plenary.id,
      mode: 'oral',
      title: '发言',
      content: '内容',
    });
    expect(oral.status).toBe(400);
    expect(JSON.stringify(oral.body)).toContain('口头发言由工作人员登记');
    expect(
      (await call(w.users.standing, 'POST', `/activity-speeches/${submitted.body.id}/accept`, {})).status,
    ).toBe(403);

    const accepted = await call(w.users.staff, 'POST', `/activity-speeches/${submitted.body.id}/accept`, {});
    expect(accepted.body.state).toBe('accepted');
    const [credit] = await liveDuty('activitySpeech', submitted.body.id);
    expect(credit).toMatchObject({ kind: 'speech.given', memberId: w.members.standing.id });
    const selected = await call(w.users.staff, 'POST', `/activity-speeches/${submitted.body.id}/select`, {});
    expect(selected.body).toMatchObject({ state: 'selected', stateLabel: '大会口头发言' });
    await call(w.users.staff, 'POST', `/activity-speeches/${submitted.body.id}/unselect`, {});
    const declined = await call(w.users.staff, 'POST', `/activity-speeches/${submitted.body.id}/decline`, {
      note: '与其他发言重复',
    });
    expect(declined.body.state).toBe('declined');
    expect(await liveDuty('activitySpeech', submitted.body.id)).toHaveLength(0);
  });

  it('records an oral speech by the staff as given at once, selects only plenary speeches and lets the author withdraw', async () => {
    const meeting = await walkActivity(t, w, { memberIds: [w.members.standing2.id] });
    const recorded = await call(w.users.staff, 'POST', '/activity-speeches', {
      activityId: meeting.id,
      memberId: w.members.standing2.id,
      mode: 'oral',
      title: '关于乡村振兴人才引进的发言',
      content: '要点',
    });
    expect(recorded.body).toMatchObject({
      state: 'accepted',
      occasionLabel: '会议发言',
      memberName: '李秀兰',
    });
    expect(await liveDuty('activitySpeech', recorded.body.id)).toHaveLength(1);
    const notPlenary = await call(w.users.staff, 'POST', `/activity-speeches/${recorded.body.id}/select`, {});
    expect(notPlenary.status).toBe(409);
    expect(notPlenary.body.message).toContain('只有全体会议的书面发言');

    const written = await call(w.users.standing2, 'POST', '/activity-speeches', {
      activityId: meeting.id,
      mode: 'written',
      title: '书面发言',
      content: '正文',
    });
    const withdrawn = await call(
      w.users.standing2,
      'POST',
      `/activity-speeches/${written.body.id}/withdraw`,
      {},
    );
    expect(withdrawn.body.state).toBe('withdrawn');
    const mine = await call(w.users.standing2, 'GET', '/activity-speeches');
    expect(mine.body.items.every((i: { memberId: number }) => i.memberId === w.members.standing2.id)).toBe(
      true,
    );
    expect(mine.body.total).toBe(2);
  });
});

describe('reading notes', () => {
  it('counts a note as duty from its submission until it is returned or withdrawn', async () => {
    const note = await call(w.users.grouped, 'POST', '/reading-notes', {
      bookTitle: '乡土中国',
      title: '读《乡土中国》有感',
      content: '差序格局……',
    });
    expect(note.status, JSON.stringify(note.body)).toBe(201);
    expect(await liveDuty('readingNote', note.body.id)).toMatchObject([{ kind: 'reading.note' }]);
    expect((await call(w.users.outsider, 'GET', `/reading-notes/${note.body.id}`)).status).toBe(404);
    const noReason = await call(w.users.staff, 'POST', `/reading-notes/${note.body.id}/return`, {});
    expect(noReason.status).toBe(400);
    const returned = await call(w.users.staff, 'POST', `/reading-notes/${note.body.id}/return`, {
      reason: '内容与书目无关',
    });
    expect(returned.body).toMatchObject({ state: 'returned', returnReason: '内容与书目无关' });
    expect(await liveDuty('readingNote', note.body.id)).toHaveLength(0);

    const second = await call(w.users.grouped, 'POST', '/reading-notes', {
      bookTitle: '乡土中国',
      title: '再读《乡土中国》',
      content: '礼治秩序……',
    });
    expect(
      (await call(w.users.outsider, 'POST', `/reading-notes/${second.body.id}/withdraw`, {})).status,
    ).toBe(404);
    await call(w.users.grouped, 'POST', `/reading-notes/${second.body.id}/withdraw`, {});
    expect(await liveDuty('readingNote', second.body.id)).toHaveLength(0);
    expect(
      (await call(w.users.staff, 'POST', '/reading-notes', { bookTitle: '书', title: '题', content: '文' }))
        .status,
    ).toBe(403);
  });
});

describe("an activity's outcome", () => {
  it('is recorded after closing while the activity itself stays closed to edits', async () => {
    const activity = await walkActivity(t, w, {
      body: { kind: 'grassrootsConsultation', topic: '有事好商量：小区停车难' },
    });
    const closed = await call(w.users.staff, 'POST', `/activities/${activity.id}/close`, {});
    expect(closed.body.state).toBe('closed');
    const edit = await call(w.users.staff, 'PATCH', `/activities/${activity.id}`, { topic: '改名' });
    expect(edit.status).toBe(409);
    const outcome = await call(w.users.staff, 'POST', `/activities/${activity.id}/outcome`, {
      residentIssue: '小区周边停车位不足，夜间乱停车',
      issueResolved: true,
      minutes: '协商议定增设临时停车位 60 个',
      version: closed.body.version,
    });
    expect(outcome.status, JSON.stringify(outcome.body)).toBe(200);
    expect(outcome.body).toMatchObject({
      state: 'closed',
      issueResolved: true,
      residentIssue: '小区周边停车位不足，夜间乱停车',
    });
    expect(
      (await call(w.users.standing, 'POST', `/activities/${activity.id}/outcome`, { issueResolved: false }))
        .status,
    ).toBe(403);
  });
});

describe('outcome figures', () => {
  it('equal the lists they open: each count is its list total, each sum the list sum', async () => {
    const figures = await call(w.users.staff, 'GET', '/activities/figures');
    expect(figures.status).toBe(200);
    const lists: Record<string, string> = {
      suggestions: '/activity-suggestions',
      speeches: '/activity-speeches',
      readingNotes: '/reading-notes',
      activities: '/activities',
    };
    expect(figures.body.outcomes.length).toBeGreaterThan(10);
    let nonZero = 0;
    for (const f of figures.body.outcomes) {
      const query = new URLSearchParams(
        Object.entries(f.filter as Record<string, unknown>).map(([k, v]): [string, string] => [k, String(v)]),
      );
      const list = await call(w.users.staff, 'GET', `${lists[f.list]}?${query}&pageSize=1`);
      expect(list.status, `${f.key} ${JSON.stringify(list.body)}`).toBe(200);
      const expected = f.sumOf ? list.body.sums[f.sumOf] : f.unit === '%' ? f.numerator : list.body.total;
      expect(expected, f.key).toBe(f.unit === '%' ? f.numerator : f.value);
      if (f.value > 0) nonZero++;
    }
    // The walks above made suggestions, speeches, a note and a resolved issue: the figures are not all 0.
    expect(nonZero).toBeGreaterThan(5);
    const byKey = Object.fromEntries(figures.body.outcomes.map((f: { key: string }) => [f.key, f]));
    expect(byKey.issuesResolved).toMatchObject({ value: 1, unit: '项' });
    expect(byKey.readingNotes.value).toBe(0);
    expect(byKey.suggestionsImplemented.unit).toBe('条');
    expect(byKey.adoptionRate.denominator).toBe(byKey.suggestionsSent.value);
  });
});

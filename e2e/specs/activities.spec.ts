import type { Locator } from 'playwright-core';
import { apiGet } from '../server';
import {
  apiSession,
  artifactsDir,
  baseUrl,
  choose,
  confirmCommand,
  pressDialogOk,
  expect,
  signedInPages,
  test,
} from '../fixtures';

/**
 * A meeting from invitation to the attendance report: the liaison staff create it for three members and a group;
 * one asks for leave on the phone and the staff approve it; one signs in by the code on the screen at
 * 375 px; one does not come; the staff close it, and the roster and the members' records say
 * 出席 / 请假 / 缺席.
 */

interface Me {
  memberId: number | null;
}
interface Activity {
  id: number;
  version: number;
  invitations: { memberId: number; attendance: string | null }[];
}

/** Types a time into an antd date-time picker, as the committee's wall clock shows it. */
async function fillDateTime(input: Locator, at: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  await input.click();
  await input.fill(`${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`);
  await input.press('Enter');
}

async function putSettings(patch: Record<string, unknown>) {
  const admin = await apiSession('sysadmin');
  const current = await apiGet<{ settings: Record<string, unknown> }>(baseUrl(), admin, '/api/settings');
  const res = await fetch(`${baseUrl()}/api/settings`, {
    method: 'PUT',
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({ ...current.settings, ...patch }),
  });
  if (res.status !== 200) throw new Error(`PUT /api/settings: ${res.status} ${await res.text()}`);
}

test('a meeting: leave approved, a sign-in by code on the phone, an absence, closed into the records', async ({
  browser,
}) => {
  const { as, screenshots } = signedInPages(browser, 'activities');
  const { as: asPhone, screenshots: phoneScreenshots } = signedInPages(browser, 'activities-phone', {
    width: 375,
    height: 812,
  });
  // The meeting starts in ten minutes: leave may be asked until the start for this walk.
  await putSettings({ leaveNoticeHours: 0 });
  try {
    const staff = await apiSession('liaison.staff');
    const memberIdOf = async (username: string) =>
      (await apiGet<Me>(baseUrl(), await apiSession(username), '/api/auth/me')).memberId!;
    const [present, onLeave, absent] = [
      await memberIdOf('member'),
      await memberIdOf('member2'),
      await memberIdOf('leader'),
    ];
    const startsAt = new Date(Date.now() + 10 * 60_000);
    const topic = `专题协商会（浏览器测试${Date.now() % 100000}）`;

    // The staff create the meeting in the form and invite the three by name.
    const desk = await as('liaison.staff');
    await desk.goto('/activities/new');
    await choose(desk.getByLabel('活动类型'), '专题协商会');
    await desk.getByLabel('活动主题').fill(topic);
    await fillDateTime(desk.getByLabel('开始时间'), startsAt);
    await fillDateTime(desk.getByLabel('结束时间'), new Date(startsAt.getTime() + 2 * 3_600_000));
    await desk.getByLabel('地点').fill('区政协机关三楼会议室');
    for (const memberId of [present, onLeave, absent]) {
      const { name } = await apiGet<{ name: string }>(baseUrl(), staff, `/api/members/${memberId}`);
      // Pressing Enter would toggle the highlighted option, which may be one picked before: click the match.
      const picker = desk.getByLabel('委员', { exact: true });
      await picker.click();
      await picker.fill(name);
      await desk.locator(`.ant-select-item-option[title^="${name}（"]`).first().click();
    }
    // And one member group as a whole.
    const [group] = (
      await apiGet<{ items: { id: number; name: string }[] }>(baseUrl(), staff, '/api/member-groups')
    ).items;
    await choose(desk.getByRole('combobox', { name: '活动小组', exact: true }), group!.name);
    const groupMembers = (
      await apiGet<{ items: { id: number }[] }>(
        baseUrl(),
        staff,
        `/api/members?groupId=${group!.id}&status=active&pageSize=200`,
      )
    ).items.map((m) => m.id);
    await desk
      .getByRole('button', { name: '保 存' })
      .or(desk.getByRole('button', { name: '保存' }))
      .click();
    await desk.waitForURL(/\/activities\/\d+$/);
    const created = { id: Number(new URL(desk.url()).pathname.split('/').pop()) };
    const saved = await apiGet<Activity>(baseUrl(), staff, `/api/activities/${created.id}`);
    const invited = [...new Set([present, onLeave, absent, ...groupMembers])].sort((a, b) => a - b);
    expect(saved.invitations.map((i) => i.memberId).sort((a, b) => a - b)).toEqual(invited);
    await desk.getByText(topic).first().waitFor();
    await confirmCommand(desk, '发布');
    await desk.getByText('已发布').first().waitFor();

    const leavePhone = await asPhone('member2');
    await leavePhone.goto('/activities/mine');
    await leavePhone.getByText(topic).first().click();
    await leavePhone.waitForURL(`**/activities/${created.id}`);
    await leavePhone
      .getByRole('button', { name: '请假', exact: true })
      .filter({ visible: true })
      .first()
      .click();
    const dialog = leavePhone.getByRole('dialog').last();
    await dialog.getByLabel('请假理由').fill('当天在外地参加行业会议');
    await pressDialogOk(dialog, '提交请假');

    await desk.goto('/activities/leave');
    const row = desk.locator('tbody tr').filter({ hasText: topic }).first();
    await row.getByRole('button', { name: '准假', exact: true }).click();
    const approve = desk.getByRole('dialog').last();
    await pressDialogOk(approve, '准假');

    const { code } = await apiGet<{ code: string }>(
      baseUrl(),
      staff,
      `/api/activities/${created.id}/sign-in-code`,
    );
    const phone = await asPhone('member');
    await phone.goto(`/activities/${created.id}/sign-in`);
    await phone.getByLabel(/签到码/).fill(code);
    await phone.getByRole('button', { name: '签到', exact: true }).click();
    await phone.getByText('已签到').first().waitFor();
    await phone.screenshot({ path: `${artifactsDir}activities-sign-in-375.png` });

    await desk.goto(`/activities/${created.id}`);
    await desk
      .getByRole('button', { name: '结束活动', exact: true })
      .filter({ visible: true })
      .first()
      .click();
    const close = desk.getByRole('dialog').last();
    await pressDialogOk(close, '确定结束');
    await desk.getByText('已结束').first().waitFor();
    await desk.screenshot({ path: `${artifactsDir}activities-closed-1440.png`, fullPage: true });

    const final = await apiGet<Activity>(baseUrl(), staff, `/api/activities/${created.id}`);
    const result = Object.fromEntries(final.invitations.map((i) => [i.memberId, i.attendance]));
    // The group's other members did not come either.
    expect(result).toEqual({
      ...Object.fromEntries(invited.map((id) => [id, 'absent'])),
      [present]: 'present',
      [onLeave]: 'leave',
    });
    const report = await fetch(`${baseUrl()}/api/activities/${created.id}/attendance.xlsx`, {
      headers: { cookie: staff.cookie },
    });
    expect(report.status).toBe(200);
    const rows = await apiGet<{ total: number }>(
      baseUrl(),
      staff,
      `/api/activity-attendance?activityId=${created.id}&attendance=leave`,
    );
    expect(rows.total).toBe(1);
  } catch (e) {
    await screenshots();
    await phoneScreenshots();
    throw e;
  } finally {
    await putSettings({ leaveNoticeHours: 24 });
  }
});

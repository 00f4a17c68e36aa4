import { apiGet } from '../server';
import {
  apiSession,
  artifactsDir,
  baseUrl,
  choose,
  expect,
  pressDialogOk,
  signedInPages,
  test,
} from '../fixtures';

/**
 * A suggestion of a held activity followed to its result: the liaison staff record it on the activity's
 * page and send it to a department; the department registers its adoption and what was carried out;
 * the staff's figure 成果转化 counts it, as its list does.
 */

interface Page<T> {
  items: T[];
  total: number;
}
interface Figures {
  outcomes: { key: string; value: number; filter: Record<string, unknown> }[];
}

test('a suggestion: recorded and sent by the staff, adopted and carried out by the department, counted', async ({
  browser,
}) => {
  const { as, screenshots } = signedInPages(browser, 'activity-outcomes');
  try {
    const staff = await apiSession('liaison.staff');
    const { unitId } = await apiGet<{ unitId: number }>(
      baseUrl(),
      await apiSession('unit.handler'),
      '/api/auth/me',
    );
    const unit = await apiGet<{ name: string }>(baseUrl(), staff, `/api/units/${unitId}`);
    const [activity] = (
      await apiGet<Page<{ id: number; topic: string }>>(
        baseUrl(),
        staff,
        '/api/activities?state=closed&kind=research&pageSize=1',
      )
    ).items;
    const before = await apiGet<Figures>(baseUrl(), staff, '/api/activities/figures');
    const implementedBefore = before.outcomes.find((f) => f.key === 'suggestionsImplemented')!.value;
    const content = `建议在社区设立老年助餐点（浏览器测试${Date.now() % 100000}）`;

    const desk = await as('liaison.staff');
    await desk.goto(`/activities/${activity!.id}`);
    await desk.getByRole('button', { name: /新增建议/ }).click();
    const create = desk.getByRole('dialog').last();
    await create.getByLabel('建议内容').fill(content);
    await pressDialogOk(create, /保\s?存/);
    const item = desk.locator('.ant-card, .ant-list-item, tr').filter({ hasText: content }).last();
    await item.waitFor();
    await item
      .getByRole('button', { name: /报\s?送/ })
      .first()
      .click();
    const send = desk.getByRole('dialog').last();
    await choose(send.getByLabel('报送部门'), unit.name);
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await send.getByLabel('反馈期限').fill(due);
    await send.getByLabel('反馈期限').press('Enter');
    await pressDialogOk(send, /报\s?送/);
    await desk.getByText('已报送').first().waitFor();

    const department = await as('unit.handler');
    await department.goto('/activities/suggestions');
    const row = department
      .locator('.ant-card, .ant-list-item, tr')
      .filter({ hasText: content.slice(0, 12) })
      .last();
    await row.getByRole('button', { name: '登记采纳' }).click();
    const adopt = department.getByRole('dialog').last();
    await adopt.getByLabel('采纳情况').fill('已纳入明年民生实事项目');
    await pressDialogOk(adopt, /登\s?记/);
    await row.getByRole('button', { name: '登记落实' }).click();
    const implement = department.getByRole('dialog').last();
    await implement.getByLabel('落实情况').fill('已在三个社区设立助餐点');
    await pressDialogOk(implement, /登\s?记/);
    await row.getByText('已落实').first().waitFor();
    await department.screenshot({ path: `${artifactsDir}activity-outcomes-unit-1440.png`, fullPage: true });

    const after = await apiGet<Figures>(baseUrl(), staff, '/api/activities/figures');
    const implemented = after.outcomes.find((f) => f.key === 'suggestionsImplemented')!;
    expect(implemented.value).toBe(implementedBefore + 1);
    const query = new URLSearchParams(
      Object.entries(implemented.filter).map(([k, v]): [string, string] => [k, String(v)]),
    );
    const list = await apiGet<Page<{ content: string }>>(
      baseUrl(),
      staff,
      `/api/activity-suggestions?${query}`,
    );
    expect(list.total).toBe(implemented.value);

    await desk.goto('/activities/figures');
    await desk.getByText('成果转化').first().click();
    await desk.getByText(content.slice(0, 12)).first().waitFor();
  } catch (e) {
    await screenshots();
    throw e;
  }
});

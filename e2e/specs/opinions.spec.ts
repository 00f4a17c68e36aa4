import type { Page } from 'playwright-core';
import { apiGet } from '../server';
import {
  apiPost,
  apiSession,
  baseUrl,
  choose,
  confirmCommand,
  pressDialogOk,
  expect,
  signedInPages,
  test,
} from '../fixtures';

/**
 * One public-opinion report carried from a district member's phone to the city and back: the member
 * writes and reports it at 375 px → the district staff start editing, change the wording and see the
 * diff, combine it with a second member's report, compile it into an issue and download the Word file,
 * and report it to the city → the city staff adopt it and record a city leader's instruction → the
 * district forwards it to a department, whose handler answers → the member sees every outcome and the
 * district's figures count it.
 */

interface Figure {
  key: string;
  value: number;
  unit: string;
}
interface Figures {
  totals: Figure[];
  adoptedByLevel: Figure[];
  instructedByLevel: Figure[];
  forwarding: Figure[];
}
interface Item {
  id: number;
  title: string;
  version: number;
}

const year = Number(new Date().toLocaleString('en-CA', { timeZone: 'Asia/Shanghai' }).slice(0, 4));

async function countyFigures(): Promise<Record<string, number>> {
  const f = await apiGet<Figures>(
    baseUrl(),
    await apiSession('opinion.staff'),
    `/api/opinions/figures?year=${year}`,
  );
  return Object.fromEntries(
    [...f.totals, ...f.adoptedByLevel, ...f.instructedByLevel, ...f.forwarding].map((x) => [x.key, x.value]),
  );
}

async function findByTitle(username: string, view: string, title: string): Promise<Item> {
  const page = await apiGet<{ items: Item[] }>(
    baseUrl(),
    await apiSession(username),
    `/api/opinions?view=${view}&q=${encodeURIComponent(title)}`,
  );
  const item = page.items.find((i) => i.title === title);
  if (!item) throw new Error(`${username} 在 ${view} 中找不到“${title}”`);
  return item;
}

/** Opens a command's dialog from the detail page's action buttons and presses its OK button. */
async function runDialog(
  page: Page,
  button: string,
  fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
  ok: RegExp,
) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog').last();
  await fill(dialog);
  await pressDialogOk(dialog, ok);
}

test('an opinion from a district member to the city and back, as each side sees it', async ({ browser }) => {
  const { as, screenshots } = signedInPages(browser, 'opinions');
  const { as: asPhone } = signedInPages(browser, 'opinions-phone', { width: 375, height: 812 });
  const before = await countyFigures();
  const title = `关于加强城区夜市食品安全监管的建议${Date.now() % 100000}`;
  try {
    // The member writes and reports it on the phone.
    const member = await asPhone('member');
    await member.goto('/opinions/new');
    await member.getByLabel('标题').fill(title);
    await choose(member.getByLabel('类别'), '社会治理');
    await member
      .getByLabel('内容')
      .fill('夜市摊点多，食品来源不明，卫生条件差。建议建立摊主健康证和食材溯源登记制度。');
    expect(await member.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await member.getByRole('button', { name: '报送', exact: true }).click();
    await member.getByRole('dialog').getByRole('button', { name: '确定报送' }).click();
    await member.waitForURL(/\/opinions\/\d+$/);
    await member.getByText('已报送', { exact: true }).first().waitFor();
    const opinion = await findByTitle('member', 'mine', title);

    // A second member reports on the same matter (arranged over the API).
    const member2 = await apiSession('member2');
    const second = await apiPost<Item>(member2, '/api/opinions', {
      title: `夜市油烟和食品卫生问题${Date.now() % 100000}`,
      category: '社会治理',
      content: '夜市油烟扰民，部分摊点食品卫生堪忧。',
    });
    await apiPost(member2, `/api/opinions/${second.id}/submit`, { version: second.version });

    // The district staff edit the wording and see what changed against the submitted text.
    const staff = await as('opinion.staff');
    await staff.goto(`/opinions/${opinion.id}`);
    await confirmCommand(staff, '开始编辑');
    const edited = staff.getByLabel('编辑稿', { exact: true });
    await edited.fill('夜市摊点食品来源不明。建议建立摊主健康证和食材溯源登记制度，市场监管部门定期抽检。');
    await staff.locator('ins').first().waitFor();
    await staff.locator('del').first().waitFor();
    await staff.getByRole('button', { name: '保存编辑稿' }).click();
    await staff.getByText('第 1 稿').first().waitFor();

    // Combined with the second report into one article.
    await runDialog(
      staff,
      '综合采用',
      async (dialog) => choose(dialog.getByRole('combobox'), second.title.slice(0, 8)),
      /确定综合采用/,
    );
    await staff.getByText('已采用', { exact: true }).first().waitFor();

    // Compiled into an issue (arranged over the API) whose Word file the staff download.
    const staffApi = await apiSession('opinion.staff');
    const issue = await apiPost<{ id: number; label: string }>(staffApi, '/api/opinion-issues', {
      series: '社情民意',
      articleIds: [opinion.id],
      reportTo: ['区委', '区人民政府'],
    });
    await staff.goto(`/opinions/issues/${issue.id}`);
    const download = staff.waitForEvent('download');
    await staff.getByRole('button', { name: /导出 Word/ }).click();
    expect((await download).suggestedFilename()).toMatch(/社情民意.*\.docx$/);

    // Reported to the city.
    await staff.goto(`/opinions/${opinion.id}`);
    await runDialog(staff, '向上级报送', (dialog) => dialog.getByLabel('清河市政协').check(), /确\s*定|报送/);
    await staff.getByText('报送市级政协').first().waitFor();

    // The city staff find it in their inbox, adopt it, and record a city leader's instruction.
    const city = await as('city.staff');
    await city.goto('/opinions/inbox');
    await city
      .getByRole('link', { name: opinion.title === title ? title : title })
      .first()
      .click();
    await city.waitForURL(/\/opinions\/\d+$/);
    await city.getByText('清河市金川区政协').first().waitFor();
    await runDialog(city, '单篇采用', async () => {}, /确\s*定|采用/);
    await city.getByText('已采用', { exact: true }).first().waitFor();
    const cityRecord = Number(new URL(city.url()).pathname.split('/').pop());
    await apiPost(await apiSession('city.staff'), `/api/opinions/${cityRecord}/instructions`, {
      leaderName: '孙建军',
      leaderPost: '市委副书记',
      level: 'city',
      text: '请市市场监管局研究夜市食品安全长效监管办法。',
      instructedOn: `${year}-${String(new Date().getMonth() + 1).padStart(2, '0')}-01`,
    });
    // The city never sees the district's draft or its other records.
    const countyOnly = await fetch(`${baseUrl()}/api/opinions/${second.id}`, {
      headers: { cookie: (await apiSession('city.staff')).cookie },
    });
    expect(countyOnly.status).toBe(404);

    // The district forwards it to a department, whose handler answers in the forwarded list.
    const current = await apiGet<{ version: number }>(baseUrl(), staffApi, `/api/opinions/${opinion.id}`);
    const { unitId } = await apiGet<{ unitId: number }>(
      baseUrl(),
      await apiSession('unit.handler'),
      '/api/auth/me',
    );
    await apiPost(staffApi, `/api/opinions/${opinion.id}/forward`, {
      channel: 'department',
      unitId,
      deadline: `${year + 1}-01-31`,
      version: current.version,
    });
    const handler = await as('unit.handler');
    await handler.goto('/opinions/forwardings');
    const row = handler.getByRole('row').filter({ hasText: title }).first();
    await row.getByRole('button', { name: '答复', exact: true }).click();
    const answer = handler.getByRole('dialog').last();
    await answer.getByLabel('办理答复').fill('已开展夜市食品安全专项检查，建立摊主登记制度。');
    await pressDialogOk(answer, '提交答复');
    await handler.getByRole('row').filter({ hasText: title }).getByText('已答复').first().waitFor();

    // The member sees every outcome on the phone; the district's figures count it.
    await member.goto(`/opinions/${opinion.id}`);
    for (const text of ['被县（区）级政协采用', '报送市级政协', '被市级政协采用', '获市级领导批示'])
      await member.getByText(text).first().waitFor();
    const after = await countyFigures();
    expect(after['combined']).toBe((before['combined'] ?? 0) + 1);
    expect(after['adoptedLevel.city']).toBe((before['adoptedLevel.city'] ?? 0) + 1);
    expect(after['instructedLevel.city']).toBe((before['instructedLevel.city'] ?? 0) + 1);
    expect(after['answered']).toBe((before['answered'] ?? 0) + 1);
    expect(after['received']).toBe((before['received'] ?? 0) + 2);
  } catch (error) {
    await screenshots();
    throw error;
  }
}, 180_000);

import type { Page } from 'playwright-core';
import { apiGet } from '../server';
import {
  apiPost,
  apiSession,
  baseUrl,
  choose,
  consoleErrors,
  expect,
  pressDialogOk,
  signedInPages,
  test,
} from '../fixtures';

/**
 * The global search of the top bar, as the roles see it: the proposal staff find the demo proposals on
 * 养老 with the word marked, narrow them to 提案 and open one; a department's handler finds only the
 * proposals of its unit; a member on a phone gets the hits as cards. The settings page checks a word
 * of the search dictionary as it is typed.
 */

/** Occurs in many demo proposals (packages/server/src/db/seed/proposal-texts.ts), in units' too. */
const word = '养老';

interface Hit {
  kind: string;
  id: number;
  title: { text: string; hit: boolean }[];
  link: string;
}
interface SearchResult {
  items: Hit[];
  total: number;
  counts: Record<string, number>;
}

const searchApi = async (username: string, query: string) =>
  apiGet<SearchResult>(
    baseUrl(),
    await apiSession(username),
    `/api/search?q=${encodeURIComponent(word)}&pageSize=50${query}`,
  );

const titleText = (hit: Hit) => hit.title.map((p) => p.text).join('');

/** Types the word into the top bar's box (behind the icon on a phone) and waits for the hits. */
async function searchFromTopBar(page: Page, phone = false) {
  if (phone) await page.getByRole('button', { name: '搜索', exact: true }).click();
  const box = page.getByRole('searchbox', { name: '全局搜索' });
  await box.fill(word);
  await box.press('Enter');
  await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === word);
  const hits = results(page);
  await hits.first().waitFor();
  return hits;
}

const results = (page: Page) => page.getByRole('region', { name: '搜索结果' }).locator('.ant-list-item');

/** The titles of the hits shown, in order. */
async function shownTitles(page: Page): Promise<string[]> {
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
  return (await results(page).locator('strong').allInnerTexts()).map((t) => t.trim());
}

test('the global search, as the proposal staff, a unit handler and a member on a phone see it', async ({
  browser,
}) => {
  const { as, screenshots } = signedInPages(browser, 'search', { width: 1440, height: 900 });
  const { as: asPhone } = signedInPages(browser, 'search-phone', { width: 375, height: 812 });
  try {
    // The proposal staff: the word marked in every hit, the 提案 tab with its count, a hit opened.
    const staff = await as('proposal.staff');
    const errors = consoleErrors(staff);
    const hits = await searchFromTopBar(staff);
    const staffApi = await searchApi('proposal.staff', '');
    expect(staffApi.counts.proposal).toBeGreaterThan(1);
    await expect.poll(() => hits.count()).toBe(Math.min(staffApi.total, 20));
    for (const marks of await hits.all()) expect(await marks.locator('mark').allInnerTexts()).toContain(word);
    const proposalTab = staff.getByRole('tab', { name: new RegExp(`^提案 ${staffApi.counts.proposal}$`) });
    await proposalTab.click();
    await staff.waitForURL((url) => url.searchParams.get('kind') === 'proposal');
    await expect.poll(() => proposalTab.getAttribute('aria-selected')).toBe('true');
    const first = hits.first().getByRole('link');
    const title = (await first.innerText()).trim();
    await first.click();
    await staff.waitForURL(/\/proposals\/\d+$/);
    await staff.getByRole('main').getByText(title).first().waitFor();
    // Back on the search page, the same tab and hits.
    await staff.goBack();
    await staff.waitForURL(
      (url) => url.pathname === '/search' && url.searchParams.get('kind') === 'proposal',
    );
    await expect.poll(async () => (await shownTitles(staff))[0]).toBe(title);
    expect(errors).toEqual([]);

    // A unit handler: what the server gives the unit, and among the proposals only its unit's.
    const handler = await as('unit.handler');
    await searchFromTopBar(handler);
    const handlerApi = await searchApi('unit.handler', '');
    await expect.poll(() => shownTitles(handler)).toEqual(handlerApi.items.slice(0, 20).map(titleText));
    await handler.getByRole('tab', { name: /^提案/ }).click();
    await handler.waitForURL((url) => url.searchParams.get('kind') === 'proposal');
    const handlerProposals = await searchApi('unit.handler', '&kind=proposal');
    await expect.poll(() => shownTitles(handler)).toEqual(handlerProposals.items.map(titleText));
    const unitList = await apiGet<{ items: { id: number }[]; total: number }>(
      baseUrl(),
      await apiSession('unit.handler'),
      '/api/proposals?view=unit&pageSize=100',
    );
    expect(unitList.total).toBeLessThanOrEqual(100);
    const unitIds = unitList.items.map((p) => p.id);
    for (const hit of handlerProposals.items) expect(unitIds, titleText(hit)).toContain(hit.id);
    expect(handlerProposals.total).toBeLessThan(staffApi.counts.proposal!);

    // A member at 375 px: the search behind the top bar's icon, the hits as cards within the screen.
    const member = await asPhone('member');
    const memberErrors = consoleErrors(member);
    const cards = await searchFromTopBar(member, true);
    const memberApi = await searchApi('member', '');
    await expect.poll(() => cards.locator('.ant-card').count()).toBe(Math.min(memberApi.total, 10));
    for (const card of await cards.locator('.ant-card').all()) {
      const box = (await card.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(375);
    }
    expect(await member.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    const opened = memberApi.items.find((h) => h.link)!;
    await cards
      .filter({ hasText: titleText(opened) })
      .first()
      .click();
    await member.waitForURL((url) => url.pathname === opened.link);
    expect(memberErrors).toEqual([]);
  } catch (error) {
    await screenshots();
    throw error;
  }
});

test('a query too long and one without hits say so in Chinese', async ({ browser }) => {
  const { as } = signedInPages(browser, 'search-refused');
  const staff = await as('proposal.staff');
  await staff.goto(`/search?q=${'长'.repeat(51)}`);
  await staff.getByRole('alert').filter({ hasText: '搜索内容不超过 50 个字' }).waitFor();
  await staff.goto(`/search?q=${encodeURIComponent('查无此词')}`);
  await staff.getByText('没有找到与“查无此词”相关的内容').waitFor();
});

test('the settings page checks a word of the search dictionary as it is typed', async ({ browser }) => {
  const { as } = signedInPages(browser, 'search-settings');
  const admin = await as('sysadmin');
  await admin.goto('/settings');
  const box = admin.getByRole('textbox', { name: '搜索词典' });
  await box.fill('楼');
  await admin.getByRole('alert').filter({ hasText: '词语至少 2 个字' }).waitFor();
  expect(await admin.getByRole('button', { name: '添加词语' }).isDisabled()).toBe(true);
  await box.fill('政协');
  await admin.getByRole('alert').filter({ hasText: '“政协”已在词典中' }).waitFor();
  await box.fill('楼小二');
  await box.press('Enter');
  const words = admin.getByRole('list', { name: '词典中的词语' });
  await words
    .getByRole('listitem')
    .filter({ hasText: /^楼小二$/ })
    .waitFor();
  expect(await box.inputValue()).toBe('');
  // Left unsaved: the committee's dictionary stays as the other specs expect it.
});

test('a member writing a near-duplicate sees the earlier proposal; staff merge it into that one at review', async ({
  browser,
}) => {
  const { as, screenshots } = signedInPages(browser, 'similar', { width: 1440, height: 900 });
  const { as: asPhone, screenshots: phoneShots } = signedInPages(browser, 'similar-phone', {
    width: 375,
    height: 812,
  });
  try {
    // An accepted proposal of the session on a matter no demo proposal raises.
    const member2 = await apiSession('member2');
    const staffApi = await apiSession('proposal.staff');
    const first = await apiPost<{ id: number; version: number }>(member2, '/api/proposals', {
      title: '关于在城区菜市场推行净菜进场和智能秤溯源的提案',
      category: '社会建设',
      content: '城区菜市场净菜比例低，缺斤短两投诉多。建议推行净菜进场，全面安装智能秤，建立溯源台账。',
    });
    const submitted = await apiPost<{ version: number }>(member2, `/api/proposals/${first.id}/submit`, {
      version: first.version,
    });
    await apiPost(staffApi, `/api/proposals/${first.id}/accept`, { version: submitted.version });

    // The member writes on the same matter, on a phone: the hint names it with its outcome.
    const member = await asPhone('member');
    await member.goto('/proposals/new');
    await member.getByLabel('案由（标题）').fill('关于菜市场推广智能秤和净菜进场的提案');
    await member
      .getByLabel('提案内容')
      .fill('菜市场缺斤短两、净菜少。建议菜市场统一安装智能秤，可溯源，推动净菜进场。');
    const hint = member.getByRole('status').filter({ hasText: '内容相近' });
    await hint.getByText('关于在城区菜市场推行净菜进场和智能秤溯源的提案').waitFor();
    await hint.getByText('已立案').first().waitFor();
    await phoneShots();
    await choose(member.getByRole('combobox', { name: '类别' }), '社会建设');
    await member.getByRole('button', { name: '提交提案' }).click();
    await member.getByRole('dialog').getByRole('button', { name: '确定提交' }).click();
    await member.waitForURL(/\/proposals\/\d+$/);
    const secondId = Number(new URL(member.url()).pathname.split('/').pop());

    // The staff at review: flagged as a likely duplicate, merged in one click.
    const staff = await as('proposal.staff');
    await staff.goto(`/proposals/${secondId}`);
    const card = staff.locator('.ant-card').filter({ hasText: '相似与重复' });
    const row = card
      .locator('.ant-list-item')
      .filter({ hasText: '关于在城区菜市场推行净菜进场和智能秤溯源的提案' });
    await row.getByText(/疑似重复|完全相同/).waitFor();
    await screenshots();
    await row.getByRole('button', { name: '并入此案' }).click();
    const dialog = staff.getByRole('dialog', { name: '并案' });
    await dialog.getByText('关于在城区菜市场推行净菜进场和智能秤溯源的提案').waitFor();
    await pressDialogOk(dialog, '确定并案');
    await staff.getByText('已并入').waitFor();
    const merged = await apiGet<{ state: string; mergedIntoId: number }>(
      baseUrl(),
      staffApi,
      `/api/proposals/${secondId}`,
    );
    expect(merged).toMatchObject({ state: 'merged', mergedIntoId: first.id });
  } finally {
    await screenshots();
  }
});

test('opinion staff see a similar report while editing one and combine the two in one click', async ({
  browser,
}) => {
  const { as, screenshots } = signedInPages(browser, 'similar-opinion', { width: 1440, height: 900 });
  try {
    interface Opinion {
      id: number;
      version: number;
      state: string;
    }
    const report = async (username: string, title: string, content: string) => {
      const session = await apiSession(username);
      const created = await apiPost<Opinion>(session, '/api/opinions', {
        title,
        category: '社会治理',
        content,
      });
      await apiPost(session, `/api/opinions/${created.id}/submit`, { version: created.version });
      return created;
    };
    const first = await report(
      'member',
      '城郊农贸市场活禽宰杀污水直排亟待整治',
      '城郊农贸市场活禽宰杀点污水直排雨水管，气味刺鼻，群众反映强烈。建议规范活禽宰杀点，建设污水预处理设施。',
    );
    const second = await report(
      'member2',
      '关于整治农贸市场活禽宰杀污水的建议',
      '农贸市场活禽宰杀污水未经处理直排，附近居民投诉多。建议集中设置活禽宰杀区，配套污水预处理设施。',
    );
    const staff = await as('opinion.staff');
    await staff.goto(`/opinions/${first.id}`);
    const card = staff.locator('.ant-card').filter({ hasText: '相似与重复' });
    const row = card.locator('.ant-list-item').filter({ hasText: '关于整治农贸市场活禽宰杀污水的建议' });
    await row
      .getByText(/疑似重复|相似度/)
      .first()
      .waitFor();
    await screenshots();
    await row.getByRole('button', { name: '与本篇综合采用' }).click();
    const dialog = staff.getByRole('dialog', { name: '综合采用' });
    await dialog.getByText('关于整治农贸市场活禽宰杀污水的建议').waitFor();
    await pressDialogOk(dialog, '确定综合采用');
    const after = await apiGet<Opinion>(
      baseUrl(),
      await apiSession('opinion.staff'),
      `/api/opinions/${second.id}`,
    );
    expect(after.state).toBe('combined');
  } finally {
    await screenshots();
  }
});

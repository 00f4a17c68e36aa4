import type { Page } from 'playwright-core';
import { choose, consoleErrors, expect, onPhone, signIn, test } from '../fixtures';

/** Waits until the page has loaded what it shows (its chunks and its data). */
async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-skeleton, .ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => {});
}

/** Every visible control of the page smaller than 44×44 px: its size, kind and text. */
function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const small = [];
    const controls = document.querySelectorAll(
      'a[href], button, [role=button], [role=menuitem], .ant-pagination-item, .ant-pagination-prev, .ant-pagination-next',
    );
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (r.width < 44 || r.height < 44)
        small.push(Math.round(r.width) + '×' + Math.round(r.height) + ' ' + el.tagName.toLowerCase() + ' "' +
          (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 20) + '"');
    }
    return small;
  })()`);
}

test('the login page logs no console error on its first load, nobody being signed in', async ({ page }) => {
  const errors = consoleErrors(page);
  const probe = page.waitForResponse((r) => r.url().includes('/api/auth/session'));
  await page.goto('/login');
  expect((await probe).status()).toBe(200);
  await page.getByLabel('用户名或手机号').waitFor();
  await settled(page);
  expect(errors).toEqual([]);
});

const roles = [
  'member',
  'proposal.staff',
  'opinion.staff',
  'liaison.staff',
  'unit.handler',
  'leader',
  'sysadmin',
  'secadmin',
  'auditor',
];
for (const username of roles) {
  test(`${username}: no page of the menu logs a console error`, async ({ page }) => {
    const errors = consoleErrors(page);
    await signIn(page, username);
    await settled(page);
    const items = page.getByRole('menu').first().getByRole('menuitem');
    await items.first().waitFor();
    const count = await items.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < count; i++) {
      await items.nth(i).click();
      await settled(page);
    }
    expect(errors).toEqual([]);
  });
}

test("on a proposal's page the menu highlights the list it came from, with a breadcrumb and a way back", async ({
  page,
}) => {
  const errors = consoleErrors(page);
  await signIn(page, 'proposal.staff');
  const selected = page.getByRole('menu').first().locator('.ant-menu-item-selected');
  await page.goto('/proposals/review?keyword=关于');
  await page.getByRole('main').getByRole('link', { name: /^关于/ }).first().click();
  await page.waitForURL(/\/proposals\/\d+$/);
  const detail = new URL(page.url()).pathname;
  await expect.poll(() => selected.innerText()).toBe('提案审查');
  const trail = page.getByRole('navigation', { name: '当前位置' });
  expect((await trail.innerText()).replace(/\s+/g, '')).toBe('首页/提案审查/提案详情');
  await page.getByRole('button', { name: '返回提案审查' }).click();
  await page.waitForURL((url) => url.pathname === '/proposals/review');
  // The list comes back as it was left.
  expect(new URL(page.url()).searchParams.get('keyword')).toBe('关于');

  // Opened by its address, the page belongs to the staff's proposal list.
  await page.goto(detail);
  await expect.poll(() => selected.innerText()).toBe('提案工作');
  await trail.getByRole('link', { name: '提案工作' }).click();
  await page.waitForURL((url) => url.pathname === '/proposals');
  await expect.poll(() => page.getByRole('navigation', { name: '当前位置' }).count()).toBe(0);
  expect(errors).toEqual([]);
});

test('the side menu collapses to icons and stays so after a reload', async ({ page }) => {
  await signIn(page, 'proposal.staff');
  const sider = page.locator('.ant-layout-sider');
  await page.getByRole('button', { name: '收起菜单' }).click();
  await expect.poll(async () => (await sider.boundingBox())?.width).toBe(64);
  await page.reload();
  await page.getByRole('button', { name: '展开菜单' }).click();
  await expect.poll(async () => (await sider.boundingBox())?.width).toBe(216);
  expect(await page.getByRole('menu').first().getByRole('menuitem', { name: '提案审查' }).innerText()).toBe(
    '提案审查',
  );
});

for (const width of [375, 320]) {
  test(`at ${width} px the notification panel and the menu drawer are within the screen`, async ({
    browser,
  }) => {
    await onPhone(browser, width, async (page) => {
      await signIn(page, 'member');
      await page.getByRole('button', { name: /^通知/ }).click();
      const panel = page.locator('.ant-popover:not(.ant-popover-hidden)');
      await panel.getByText('查看全部通知').waitFor();
      await page.waitForTimeout(300);
      const box = (await panel.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: '打开菜单' }).click();
      const drawer = page.getByRole('dialog');
      await drawer.getByRole('menuitem', { name: /我的提案/ }).waitFor();
      // Once it has slid in.
      await expect.poll(async () => (await drawer.boundingBox())!.x).toBeGreaterThanOrEqual(0);
      const menu = (await drawer.boundingBox())!;
      expect(menu.x + menu.width).toBeLessThanOrEqual(width);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
    });
  });
}

test('at 375 px every control of the member pages is at least 44×44 px', async ({ browser }) => {
  await onPhone(browser, 375, async (page) => {
    await signIn(page, 'member');
    for (const path of ['/', '/proposals/mine', '/proposals/cosign', '/notifications']) {
      await page.goto(path);
      await settled(page);
      expect(await smallTapTargets(page), path).toEqual([]);
    }
    // A proposal's page, opened from the list.
    await page.goto('/proposals/mine');
    await page.getByRole('main').getByRole('link', { name: /^关于/ }).first().click();
    await page.waitForURL(/\/proposals\/\d+$/);
    await settled(page);
    expect(await smallTapTargets(page), 'proposal').toEqual([]);
    // The form, with an uploaded file and its delete button.
    await page.goto('/proposals/new');
    await page.locator('input[type=file]').setInputFiles({
      name: '调研.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('调研数据'),
    });
    await page.getByRole('main').getByText('调研.txt').waitFor();
    const remove = page.getByRole('main').getByRole('button', { name: '删除文件' });
    const box = (await remove.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    expect(await smallTapTargets(page), '/proposals/new').toEqual([]);
  });
});

test('at 375 px a toast keeps off the page title', async ({ browser }) => {
  await onPhone(browser, 375, async (page) => {
    await signIn(page, 'member');
    await page.goto('/proposals/new');
    await page.getByLabel('案由（标题）').fill(`关于社区食堂运营的提案${Date.now() % 100000}`);
    await choose(page.getByLabel('类别', { exact: true }), '社会建设');
    await page.getByLabel('提案内容').fill('建议在社区推广长者食堂，由街道统筹场地，引入专业运营。');
    await page.getByRole('button', { name: '保存草稿' }).click();
    const toast = page.locator('.ant-message-notice').filter({ hasText: '草稿已保存' });
    await toast.waitFor();
    await page.waitForURL(/\/proposals\/\d+$/);
    const titles = [
      page.locator('.ant-layout-header').getByText('提案详情'),
      page.getByRole('heading').first(),
    ];
    const t = (await toast.boundingBox())!;
    for (const title of titles) {
      const b = (await title.boundingBox())!;
      const overlaps =
        t.x < b.x + b.width && b.x < t.x + t.width && t.y < b.y + b.height && b.y < t.y + t.height;
      expect(overlaps, `toast ${JSON.stringify(t)} over ${JSON.stringify(b)}`).toBe(false);
    }
  });
});

import { baseUrl, expect, menuTexts, signIn, test } from '../fixtures';

/** What each role must and must not find in the side menu. */
const expectations = {
  member: {
    has: ['首页', '我的提案', '通知'],
    lacks: ['提案工作', '委员', '承办单位', '账号管理', '审计日志', '系统设置'],
  },
  'proposal.staff': {
    has: ['首页', '提案工作', '承办单位', '提案者组织'],
    lacks: ['我的提案', '委员', '账号管理', '审计日志'],
  },
  secadmin: { has: ['首页', '账号管理'], lacks: ['我的提案', '提案工作', '委员', '审计日志', '系统设置'] },
  auditor: { has: ['首页', '审计日志'], lacks: ['我的提案', '提案工作', '委员', '账号管理', '系统设置'] },
} as const;

const seen = new Map<string, string>();

for (const [username, { has, lacks }] of Object.entries(expectations)) {
  test(`${username} sees the menu of the role`, async ({ page }) => {
    await signIn(page, username);
    const texts = await menuTexts(page);
    for (const label of has) expect(texts, `${username} should see ${label}`).toContain(label);
    for (const label of lacks) expect(texts, `${username} should not see ${label}`).not.toContain(label);
    seen.set(username, texts.join('|'));
  });
}

test('the four roles see four different menus', () => {
  expect(seen.size).toBe(4);
  expect(new Set(seen.values()).size).toBe(4);
});

test('on a 375 px phone screen the menu opens from a button', async ({ browser }) => {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: 375, height: 740 },
    locale: 'zh-CN',
  });
  try {
    const page = await context.newPage();
    await signIn(page, 'member');
    const open = page.getByRole('button', { name: '打开菜单' });
    await open.waitFor();
    expect(await page.getByRole('menuitem', { name: /我的提案/ }).isVisible()).toBe(false);
    await open.click();
    await page.getByRole('menuitem', { name: /我的提案/ }).click();
    await page.waitForURL((url) => url.pathname === '/proposals/mine');
    // The page itself must not be wider than the screen.
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(375);
  } finally {
    await context.close();
  }
});

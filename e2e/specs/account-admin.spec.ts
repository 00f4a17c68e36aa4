import { baseUrl, choose, expect, fillLogin, signIn, test } from '../fixtures';

test('the security administrator creates an account, its holder must change the one-time password, the auditor sees it', async ({
  page,
  browser,
}) => {
  const username = `e2e.info${Date.now() % 100000}`;
  await signIn(page, 'secadmin');
  await page.goto('/accounts');
  await page.getByRole('button', { name: '新建账号' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('用户名').fill(username);
  await drawer.getByLabel('姓名').fill('测试信息员');
  await choose(drawer.getByLabel('角色'), '信息工作人员');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();

  const shown = page.getByRole('dialog').filter({ hasText: '的初始密码为' });
  await shown.waitFor();
  const password = (await shown.locator('code').innerText()).trim();
  expect(password.length).toBeGreaterThanOrEqual(8);
  await shown.getByRole('button', { name: '我已记下' }).click();
  await page.getByRole('cell', { name: username }).waitFor();

  // The holder signs in elsewhere with the one-time password and is held on the change page.
  const holder = await browser.newContext({ baseURL: baseUrl(), locale: 'zh-CN' });
  try {
    const holderPage = await holder.newPage();
    await holderPage.goto('/login');
    await fillLogin(holderPage, username, password);
    await holderPage.waitForURL((url) => url.pathname === '/change-password');
  } finally {
    await holder.close();
  }

  // The audit administrator finds the creation in the audit log.
  const auditorContext = await browser.newContext({ baseURL: baseUrl(), locale: 'zh-CN' });
  try {
    const auditor = await auditorContext.newPage();
    await signIn(auditor, 'auditor');
    await auditor.goto('/audit-log');
    await auditor.getByText(`创建账号 ${username}（测试信息员）`, { exact: false }).first().waitFor();
  } finally {
    await auditorContext.close();
  }
});

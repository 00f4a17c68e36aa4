import { baseUrl, choose, expect, fillLogin, signIn, test } from '../fixtures';

test('an audit account asked for by the security administrator exists only once the system administrator approves it', async ({
  page,
  browser,
}) => {
  const username = `e2e.audit${Date.now() % 100000}`;
  await signIn(page, 'secadmin');
  await page.goto('/accounts');
  await page.getByRole('button', { name: '新建账号' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('用户名').fill(username);
  await drawer.getByLabel('姓名').fill('测试审计员');
  await choose(drawer.getByLabel('角色'), '安全审计员');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();

  // Granting an administrator role is confirmed first, then recorded as a request: no password here.
  const question = page.getByRole('dialog').filter({ hasText: '须由另一位系统管理员或安全管理员批准' });
  await question.getByRole('button', { name: '确定保存' }).click();
  const submitted = page.getByRole('dialog').filter({ hasText: '已提交审批' });
  await submitted.waitFor();
  expect(await submitted.innerText()).not.toContain('的初始密码为');
  await submitted.getByRole('button', { name: '知道了' }).click();

  // The requester cannot approve their own request.
  await page.goto('/account-approvals');
  const ownRow = page.getByRole('row').filter({ hasText: username });
  await ownRow.getByText('须由另一位管理员审批').waitFor();
  expect(await ownRow.getByRole('button', { name: '批准' }).count()).toBe(0);

  // The system administrator approves and alone sees the one-time password.
  const sysContext = await browser.newContext({ baseURL: baseUrl(), locale: 'zh-CN' });
  let password = '';
  try {
    const sys = await sysContext.newPage();
    await signIn(sys, 'sysadmin');
    await sys.goto('/account-approvals');
    const row = sys.getByRole('row').filter({ hasText: username });
    await row.getByRole('button', { name: '批准' }).click();
    await sys.getByRole('tooltip').getByRole('button', { name: '批准' }).click();
    const shown = sys.getByRole('dialog').filter({ hasText: '的初始密码为' });
    await shown.waitFor();
    password = (await shown.locator('code').innerText()).trim();
    expect(password.length).toBeGreaterThanOrEqual(8);
  } finally {
    await sysContext.close();
  }

  // The new auditor signs in with it and must change it first.
  const holder = await browser.newContext({ baseURL: baseUrl(), locale: 'zh-CN' });
  try {
    const holderPage = await holder.newPage();
    await holderPage.goto('/login');
    await fillLogin(holderPage, username, password);
    await holderPage.waitForURL((url) => url.pathname === '/change-password');
  } finally {
    await holder.close();
  }
});

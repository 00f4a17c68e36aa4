import {
  asAnotherPerson,
  createAccountAsSecurityAdmin,
  expect,
  expectHeldOnPasswordChange,
  signIn,
  test,
} from '../fixtures';

test('the security administrator creates an account, its holder must change the one-time password, the auditor sees it', async ({
  page,
  browser,
}) => {
  const username = `e2e.info${Date.now() % 100000}`;
  await createAccountAsSecurityAdmin(page, { username, name: '测试信息员', role: '信息工作人员' });

  const shown = page.getByRole('dialog').filter({ hasText: '的初始密码为' });
  await shown.waitFor();
  const password = (await shown.locator('code').innerText()).trim();
  expect(password.length).toBeGreaterThanOrEqual(8);
  await shown.getByRole('button', { name: '我已记下' }).click();
  await page.getByRole('cell', { name: username }).waitFor();

  // The holder signs in elsewhere with the one-time password and is held on the change page.
  await expectHeldOnPasswordChange(browser, username, password);

  // The audit administrator finds the creation in the audit log.
  await asAnotherPerson(browser, async (auditor) => {
    await signIn(auditor, 'auditor');
    await auditor.goto('/audit-log');
    await auditor.getByText(`创建账号 ${username}（测试信息员）`, { exact: false }).first().waitFor();
  });
});

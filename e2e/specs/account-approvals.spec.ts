import {
  asAnotherPerson,
  createAccountAsSecurityAdmin,
  expect,
  expectHeldOnPasswordChange,
  signIn,
  test,
} from '../fixtures';

test('an audit account asked for by the security administrator exists only once the system administrator approves it', async ({
  page,
  browser,
}) => {
  const username = `e2e.audit${Date.now() % 100000}`;
  await createAccountAsSecurityAdmin(page, { username, name: '测试审计员', role: '安全审计员' });

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
  const password = await asAnotherPerson(browser, async (sys) => {
    await signIn(sys, 'sysadmin');
    await sys.goto('/account-approvals');
    const row = sys.getByRole('row').filter({ hasText: username });
    await row.getByRole('button', { name: '批准' }).click();
    await sys.getByRole('tooltip').getByRole('button', { name: '批准' }).click();
    const shown = sys.getByRole('dialog').filter({ hasText: '的初始密码为' });
    await shown.waitFor();
    return (await shown.locator('code').innerText()).trim();
  });
  expect(password.length).toBeGreaterThanOrEqual(8);

  // The new auditor signs in with it and must change it first.
  await expectHeldOnPasswordChange(browser, username, password);
});

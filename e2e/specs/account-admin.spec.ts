import {
  asAnotherPerson,
  createAccountAsSecurityAdmin,
  expect,
  expectHeldOnPasswordChange,
  oneTimePasswordShown,
  signIn,
  test,
} from '../fixtures';

test('the security administrator creates an account, its holder must change the one-time password, the auditor sees it', async ({
  page,
  browser,
}) => {
  const username = await createAccountAsSecurityAdmin(page, {
    usernamePrefix: 'e2e.info',
    name: '测试信息员',
    role: '信息工作人员',
  });

  const { dialog: shown, password } = await oneTimePasswordShown(page);
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

test('an audit account asked for by the security administrator exists only once the system administrator approves it', async ({
  page,
  browser,
}) => {
  const username = await createAccountAsSecurityAdmin(page, {
    usernamePrefix: 'e2e.audit',
    name: '测试审计员',
    role: '安全审计员',
  });

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
    return (await oneTimePasswordShown(sys)).password;
  });
  expect(password.length).toBeGreaterThanOrEqual(8);

  // The new auditor signs in with it and must change it first.
  await expectHeldOnPasswordChange(browser, username, password);
});

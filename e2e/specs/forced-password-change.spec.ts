import { expect, demoPassword, freshMemberAccounts, signIn, test } from '../fixtures';

test('a member who must change the password is held on the change page until it succeeds', async ({
  page,
}) => {
  const username = (await freshMemberAccounts())[0]!;
  await signIn(page, username);
  expect(new URL(page.url()).pathname).toBe('/change-password');
  await page.getByText('首次登录或密码已被重置，请先设置新密码').waitFor();

  // Every other page sends the user back.
  for (const path of ['/', '/notifications', '/proposals/mine']) {
    await page.goto(path);
    await page.waitForURL((url) => url.pathname === '/change-password');
  }

  // The API refuses the session too, not only the router.
  const refused = await page.request.get('/api/notifications');
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { code: string }).code).toBe('PASSWORD_CHANGE_REQUIRED');

  // A new password that breaks the policy is refused on the page, and the user stays.
  await page.getByLabel('当前密码').fill(demoPassword());
  await page.getByLabel('新密码', { exact: true }).fill('short');
  await page.getByLabel('确认新密码').fill('short');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('密码至少 8 位', { exact: true }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/change-password');

  const newPassword = 'Changed#Pass2024';
  await page.getByLabel('新密码', { exact: true }).fill(newPassword);
  await page.getByLabel('确认新密码').fill(newPassword);
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('heading', { level: 4 }).first().waitFor();

  await page.goto('/notifications');
  expect(new URL(page.url()).pathname).toBe('/notifications');
  expect((await page.request.get('/api/notifications')).status()).toBe(200);
});

import { expect, demoPassword, fillLogin, freshMemberAccounts, test } from '../fixtures';

test('five wrong passwords lock the account, and then even the right password is refused', async ({
  page,
}) => {
  // Its own account (no other spec signs in with it), so the lock cannot disturb other specs.
  const username = (await freshMemberAccounts())[1]!;
  await page.goto('/login');
  const alert = page.getByRole('alert');
  const loginAnswer = () => page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
  for (let attempt = 1; attempt <= 5; attempt++) {
    const answer = loginAnswer();
    await fillLogin(page, username, `Wrong#Pass${attempt}`);
    expect((await answer).status()).toBe(401);
    // The same answer whether or not the account exists or is locked: the message states the rule.
    await expect.poll(() => alert.innerText(), { timeout: 10_000 }).toContain('用户名或密码错误');
    expect(await alert.innerText()).toMatch(/连续输错 5 次后账号将锁定/);
  }
  const answer = loginAnswer();
  await fillLogin(page, username, demoPassword());
  expect((await answer).status()).toBe(401);
  await expect.poll(() => alert.innerText(), { timeout: 10_000 }).toContain('用户名或密码错误');
  expect(new URL(page.url()).pathname).toBe('/login');
});

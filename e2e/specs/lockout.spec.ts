import { expect, demoPassword, fillLogin, freshMemberAccounts, test } from '../fixtures';

test('five wrong passwords lock the account, and then even the right password is refused', async ({
  page,
}) => {
  // Its own account (no other spec signs in with it), so the lock cannot disturb other specs.
  const username = (await freshMemberAccounts())[1]!;
  await page.goto('/login');
  const alert = page.getByRole('alert');
  for (let attempt = 1; attempt <= 5; attempt++) {
    await fillLogin(page, username, `Wrong#Pass${attempt}`);
    const expected = attempt < 5 ? `还可尝试 ${5 - attempt} 次` : '锁定';
    await expect.poll(() => alert.innerText(), { timeout: 10_000 }).toContain(expected);
  }
  await fillLogin(page, username, demoPassword());
  await expect.poll(() => alert.innerText(), { timeout: 10_000 }).toMatch(/锁定.*分钟后再试/);
  expect(new URL(page.url()).pathname).toBe('/login');
});

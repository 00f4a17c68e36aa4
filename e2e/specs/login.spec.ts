import { apiGet } from '../server';
import { apiSession, baseUrl, expect, fillLogin, signIn, test } from '../fixtures';

test('signing in lands on the home page, greeted by name', async ({ page }) => {
  const me = await apiGet<{ displayName: string }>(baseUrl(), await apiSession('member'), '/api/auth/me');
  await signIn(page, 'member');
  expect(new URL(page.url()).pathname).toBe('/');
  await expect
    .poll(() => page.getByRole('heading', { name: new RegExp(`^${me.displayName}，`) }).count())
    .toBe(1);
  await expect.poll(() => page.getByRole('menuitem', { name: /首页/ }).count()).toBe(1);
});

test('a wrong password is refused with a message and the page stays on the login form', async ({ page }) => {
  await page.goto('/login');
  await fillLogin(page, 'member2', 'Wrong#Pass2024');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.innerText()).toContain('用户名或密码错误');
  expect(new URL(page.url()).pathname).toBe('/login');
});

test('an anonymous visit to a page is sent to the login form', async ({ page }) => {
  await page.goto('/members');
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByLabel('用户名或手机号').waitFor();
});

import { inject } from 'vitest';
import { apiGet } from '../server';
import { apiSession, baseUrl, expect, signIn, test } from '../fixtures';

/**
 * The server closes unused database connections after `DATABASE_IDLE_SECONDS` (set short for this
 * run). A member who reads for a while and taps again must carry on, not meet errors or the login
 * form: once, a green suite hid an outage that began after ten quiet seconds.
 */
const quietLongerThanTheIdleTimeout = () => (inject('databaseIdleSeconds') + 1.5) * 1000;

test('a member who leaves the app alone past the idle timeout carries on where they were', async ({
  page,
}) => {
  const session = await apiSession('member');
  const me = await apiGet<{ displayName: string }>(baseUrl(), session, '/api/auth/me');
  const mine = await apiGet<{ items: { title: string }[] }>(baseUrl(), session, '/api/proposals?view=mine');
  expect(mine.items.length).toBeGreaterThan(0);

  await signIn(page, 'member');
  await page.getByRole('heading', { name: new RegExp(`^${me.displayName}，`) }).waitFor();

  await page.waitForTimeout(quietLongerThanTheIdleTimeout());
  await page.getByRole('menuitem', { name: /我的提案/ }).click();
  await page.waitForURL((url) => url.pathname === '/proposals/mine');
  await page.getByText(mine.items[0]!.title).first().waitFor();

  await page.waitForTimeout(quietLongerThanTheIdleTimeout());
  await page.reload();
  await page.getByText(mine.items[0]!.title).first().waitFor();
  expect(new URL(page.url()).pathname).toBe('/proposals/mine');
  expect(await page.getByText('服务器内部错误').count()).toBe(0);

  // The same path answers outside the browser too: the health check and the session lookup.
  const health = await fetch(`${baseUrl()}/api/health`);
  expect(health.status).toBe(200);
  await apiGet(baseUrl(), session, '/api/auth/me');
});

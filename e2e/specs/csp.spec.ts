import type { Page } from 'playwright-core';
import { expect, signIn, test } from '../fixtures';

/**
 * The Content-Security-Policy must cost the app nothing: every page below is loaded and used in
 * Chromium, and any violation fails the test — whether Chromium reports it on the console or only
 * as a `securitypolicyviolation` event (an eval probe caught by the code that made it, for example).
 */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (
      /Content Security Policy|Refused to (load|apply|execute|evaluate|frame|connect)/i.test(message.text())
    )
      violations.push(`console: ${message.text()}`);
  });
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(`event: ${text}`));
  // Runs in the page before its own scripts (a string: this project's e2e code has no DOM types).
  await page.addInitScript(`
    document.addEventListener('securitypolicyviolation', (event) => {
      window.reportCspViolation(
        event.violatedDirective + ' blocked ' + (event.blockedURI || '(inline)') +
          ' at ' + event.sourceFile + ':' + event.lineNumber,
      );
    });
  `);
  return violations;
}

test('the login page runs under the policy without a violation', async ({ page }) => {
  const violations = await watchViolations(page);
  const answer = await page.goto('/login');
  expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'");
  await page.getByLabel('用户名或手机号').fill('nobody-csp');
  // A refused sign-in shows the error alert: one more rendered component under the policy.
  await page.getByLabel('密码', { exact: true }).fill('Wrong#Pass2024');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('alert').waitFor();
  expect(violations).toEqual([]);
});

test('signed-in pages — home, a table, a form with an auto-sized text area, the API docs — run without a violation', async ({
  page,
}) => {
  const violations = await watchViolations(page);
  await signIn(page, 'member');
  await page.getByRole('menuitem', { name: /首页/ }).waitFor();
  await page.goto('/proposals/mine');
  await page.getByRole('main').waitFor();
  await page.goto('/proposals/new');
  await page.getByLabel('提案内容').fill('第一行\n第二行\n第三行');
  await page.getByLabel('案由（标题）').fill('关'.repeat(61));
  await page.getByRole('main').getByText('案由（标题）不超过 60 个字').waitFor();
  await page.goto('/notifications');
  await page.getByRole('main').waitFor();
  // The API documentation page (Swagger UI) lives under the same policy.
  await page.goto('/api/docs/');
  await page.getByText('政协履职平台 API').first().waitFor();
  expect(violations).toEqual([]);
});

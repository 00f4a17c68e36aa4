import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { inject, test as base } from 'vitest';
import { apiGet, apiSignIn, type ApiSession } from './server';

export const chromiumPath = '/usr/bin/chromium';
export const artifactsDir = fileURLToPath(new URL('./artifacts/', import.meta.url));

export const baseUrl = () => inject('baseUrl');
export const demoPassword = () => inject('demoPassword');

interface Fixtures {
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/**
 * `browser` is started once per spec file; every test gets its own context (cookies) and page.
 * A failed test leaves a full-page screenshot in e2e/artifacts.
 */
export const test = base.extend<Fixtures>({
  browser: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const browser = await chromium.launch({
        executablePath: chromiumPath,
        headless: true,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      });
      await use(browser);
      await browser.close();
    },
    { scope: 'file' },
  ],
  context: async ({ browser }, use) => {
    const context = await browser.newContext({
      baseURL: baseUrl(),
      locale: 'zh-CN',
      viewport: { width: 1280, height: 800 },
    });
    context.setDefaultTimeout(15_000);
    await use(context);
    await context.close();
  },
  page: async ({ context, task }, use) => {
    const page = await context.newPage();
    await use(page);
    // The runner marks the test failed before fixtures are torn down.
    if (task.result?.state === 'fail') {
      mkdirSync(artifactsDir, { recursive: true });
      const name = `${task.file?.name ?? 'spec'}-${task.name}`.replace(/[^\w\u4e00-\u9fa5-]+/g, '_');
      await page.screenshot({ path: `${artifactsDir}${name}.png`, fullPage: true }).catch(() => undefined);
    }
    await page.close();
  },
});

export { expect } from 'vitest';

/** Signs in through the login page and waits until the app has left it. */
export async function signIn(page: Page, username: string, password = demoPassword()): Promise<void> {
  await page.goto('/login');
  await fillLogin(page, username, password);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Fills and submits the login form without waiting for the outcome. */
export async function fillLogin(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

const sessions = new Map<string, Promise<ApiSession>>();

/**
 * A session over HTTP for arranging data or checking results beside the browser; one per user and
 * spec file, because sign-ins are rate-limited per address (30 a minute) and all specs share 127.0.0.1.
 */
export function apiSession(username: string, password = demoPassword()): Promise<ApiSession> {
  let session = sessions.get(username);
  if (!session) {
    session = apiSignIn(baseUrl(), username, password);
    sessions.set(username, session);
  }
  return session;
}

/** Picks an option of an antd Select by typing into its combobox. */
export async function choose(combobox: Locator, text: string) {
  await combobox.click();
  await combobox.fill(text);
  await combobox.page().getByTitle(text, { exact: false }).first().waitFor();
  await combobox.press('Enter');
}

/** Runs `use` on a page of a browser context of its own (another person's cookies), closed afterwards. */
export async function asAnotherPerson<T>(browser: Browser, use: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ baseURL: baseUrl(), locale: 'zh-CN' });
  try {
    return await use(await context.newPage());
  } finally {
    await context.close();
  }
}

/** The holder of a one-time password signs in with it and is held on the password change page. */
export function expectHeldOnPasswordChange(browser: Browser, username: string, password: string) {
  return asAnotherPerson(browser, async (page) => {
    await page.goto('/login');
    await fillLogin(page, username, password);
    await page.waitForURL((url) => url.pathname === '/change-password');
  });
}

/**
 * As the security administrator on the accounts page: fills the new-account drawer and saves it.
 * The username is `usernamePrefix` and a number, so reruns against one database do not collide; returns it.
 */
export async function createAccountAsSecurityAdmin(
  page: Page,
  account: { usernamePrefix: string; name: string; role: string },
) {
  const username = `${account.usernamePrefix}${Date.now() % 100000}`;
  await signIn(page, 'secadmin');
  await page.goto('/accounts');
  await page.getByRole('button', { name: '新建账号' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('用户名').fill(username);
  await drawer.getByLabel('姓名').fill(account.name);
  await choose(drawer.getByLabel('角色'), account.role);
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  return username;
}

/** Waits for the dialog that shows a new account's one-time password; returns the dialog and the password. */
export async function oneTimePasswordShown(page: Page) {
  const dialog = page.getByRole('dialog').filter({ hasText: '的初始密码为' });
  await dialog.waitFor();
  return { dialog, password: (await dialog.locator('code').innerText()).trim() };
}

/** Texts of the side menu's items, in order. */
export async function menuTexts(page: Page): Promise<string[]> {
  const items = page.getByRole('menu').first().getByRole('menuitem');
  await items.first().waitFor();
  return (await items.allInnerTexts()).map((t) => t.trim());
}

interface AccountRow {
  username: string;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
}

/**
 * Member accounts of the demo seed that have never signed in and must change their password
 * (named `m` + mobile number), read through the security administrator's account list.
 */
export async function freshMemberAccounts(): Promise<string[]> {
  const admin = await apiSession('secadmin');
  const page = await apiGet<{ items: AccountRow[] }>(
    baseUrl(),
    admin,
    '/api/accounts?role=member&pageSize=200',
  );
  return page.items
    .filter((a) => /^m1\d{10}$/.test(a.username) && a.mustChangePassword && !a.lastLoginAt)
    .map((a) => a.username)
    .sort();
}

/** Console errors and uncaught exceptions of a page from now on; read the array at the end. */
export function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  return errors;
}

/** A fresh browser context of its own with a phone-sized screen, closed after `use`. */
export async function onPhone<T>(
  browser: Browser,
  width: number,
  use: (page: Page) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: 'zh-CN',
    viewport: { width, height: 740 },
  });
  context.setDefaultTimeout(15_000);
  try {
    return await use(await context.newPage());
  } finally {
    await context.close();
  }
}

/** POST over HTTP as a signed-in user (arranging data beside the browser); throws on a refusal. */
export async function apiPost<T>(session: ApiSession, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${baseUrl()}${path}`, {
    method: 'POST',
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`POST ${path} failed: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** One signed-in page per user, kept for the whole walk (sign-ins are rate-limited). */
export function signedInPages(browser: Browser, spec: string, viewport = { width: 1366, height: 900 }) {
  const open = new Map<string, Promise<Page>>();
  const as = (username: string, password?: string) => {
    let page = open.get(username);
    if (!page) {
      page = (async () => {
        const context = await browser.newContext({
          baseURL: baseUrl(),
          locale: 'zh-CN',
          viewport,
        });
        context.setDefaultTimeout(15_000);
        const p = await context.newPage();
        await signIn(p, username, password);
        return p;
      })();
      open.set(username, page);
    }
    return page;
  };
  /** Every user's page as it was when a step failed, in e2e/artifacts. */
  const screenshots = async () => {
    const dir = artifactsDir;
    mkdirSync(dir, { recursive: true });
    for (const [username, page] of open) {
      await (
        await page
      )
        .screenshot({ path: `${dir}${spec}-${username}.png`, fullPage: true })
        .catch(() => undefined);
    }
  };
  return { as, screenshots };
}

/** Clicks a command button and confirms the question that follows. */
export async function confirmCommand(page: Page, button: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const confirmation = page.getByRole('dialog').filter({ hasText: '确定' }).last();
  const ok = confirmation.getByRole('button', { name: '确定', exact: true });
  await ok.click();
  // A click that lands while the confirmation is still opening does nothing: press again, unless the
  // first one is already being carried out (the button shows it is loading).
  await confirmation.waitFor({ state: 'hidden', timeout: 5_000 }).catch(async () => {
    if (!(await ok.getAttribute('class'))?.includes('ant-btn-loading')) await ok.click();
    await confirmation.waitFor({ state: 'hidden' });
  });
}

/**
 * Presses a dialog's OK button and waits for the dialog to close. A press that lands while the dialog
 * is still opening does nothing, so it presses once more if the dialog is still there and the first
 * press is not being carried out; a refusal the dialog shows fails the test with its text.
 */
export async function pressDialogOk(dialog: Locator, name: string | RegExp) {
  const ok = dialog.getByRole('button', { name }).last();
  await ok.click();
  const closed = await dialog.waitFor({ state: 'hidden', timeout: 5_000 }).then(
    () => true,
    () => false,
  );
  if (closed) return;
  const refusal = dialog.getByRole('alert');
  if (await refusal.isVisible()) throw new Error(`the dialog refused: ${await refusal.innerText()}`);
  if (!(await ok.getAttribute('class'))?.includes('ant-btn-loading')) await ok.click();
  await dialog.waitFor({ state: 'hidden' });
}

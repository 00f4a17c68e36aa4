import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { baseUrl, expect, signIn, test } from '../fixtures';

/**
 * Every page of the signed-in area, for each demo role, at a phone's and a desktop's width: axe-core
 * finds no serious or critical violation, and a screenshot of each is kept for review in
 * e2e/artifacts/pages/<role>-<page>-<width>.png.
 */

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const screenshotDir = fileURLToPath(new URL('../artifacts/pages/', import.meta.url));
const widths = [1440, 375] as const;
const roles = [
  'member',
  'opinion.staff',
  'proposal.staff',
  'liaison.staff',
  'unit.handler',
  'leader',
  'party.leader',
  'info.liaison',
  'sysadmin',
  'secadmin',
  'auditor',
  'city.staff',
];

interface Violation {
  rule: string;
  impact: string;
  targets: string[];
  /** What axe says of the first element. */
  detail: string;
  nodes: { html: string; message: string }[];
}

/** Runs axe on the page as it is; the serious and critical violations, each with the elements it names. */
async function axeViolations(page: Page): Promise<Violation[]> {
  return page.evaluate<Violation[]>(`(async () => {
    if (!window.axe) {
      const script = document.createElement('script');
      script.textContent = ${JSON.stringify(axeSource)};
      document.head.appendChild(script);
    }
    // antd's table copies its column titles (the select-all checkbox among them) into a hidden row it
    // measures column widths with; the copy is never shown and cannot be reached from our code.
    const result = await window.axe.run(
      { exclude: [['.ant-table-measure-row']] },
      { resultTypes: ['violations'] },
    );
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        rule: v.id,
        impact: v.impact,
        targets: v.nodes.map((n) => n.target.join(' ')),
        nodes: v.nodes.map((n) => ({ html: n.html, message: n.any.concat(n.all, n.none).map((c) => c.message).join('; ') })),
        detail: v.nodes[0].any.concat(v.nodes[0].all, v.nodes[0].none).map((c) => c.message).join('; '),
      }));
  })()`);
}

/** Requests of a page still under way, so that a page is checked once it has what it shows. */
function trackRequests(page: Page) {
  let open = 0;
  page.on('request', () => open++);
  page.on('requestfinished', () => open--);
  page.on('requestfailed', () => open--);
  return () => open;
}

const openRequests = new WeakMap<Page, () => number>();

/** Waits until no request is under way, nothing is loading and no animation is running. */
async function settled(page: Page) {
  const open = openRequests.get(page)!;
  for (let quiet = 0, i = 0; quiet < 3 && i < 100; i++) {
    await page.waitForTimeout(50);
    quiet = open() === 0 ? quiet + 1 : 0;
  }
  await page
    .locator('.ant-skeleton, .ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => {});
  await page
    .waitForFunction(
      `document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)`,
      undefined,
      { timeout: 3_000 },
    )
    .catch(() => {});
}

/** The page's Content Security Policy would refuse axe's inline script. */
async function browserContext(browser: Browser, storageState?: BrowserContextOptions['storageState']) {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: 'zh-CN',
    bypassCSP: true,
    storageState,
  });
  context.setDefaultTimeout(15_000);
  return context;
}

async function newPage(context: BrowserContext, width: number) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: width < 768 ? 740 : 900 });
  openRequests.set(page, trackRequests(page));
  return page;
}

/** A page's name in the screenshots: its path, or what kind of record it shows. */
function pageName(path: string) {
  if (/^\/proposals\/\d+$/.test(path)) return 'proposal-detail';
  if (/^\/opinions\/issues\/\d+$/.test(path)) return 'issue-detail';
  if (/^\/opinions\/\d+$/.test(path)) return 'opinion-detail';
  return path.replace(/^\//, '').replace(/\//g, '-') || 'home';
}

/** Checks the page as it is now and saves its screenshot; what axe found, as lines of the failure message. */
async function audit(page: Page, role: string, path: string, width: number): Promise<string[]> {
  await settled(page);
  const name = pageName(path);
  await page.screenshot({ path: `${screenshotDir}${role}-${name}-${width}.png`, fullPage: true });
  const v = await axeViolations(page);
  if (v.length)
    writeFileSync(`${screenshotDir}${role}-${name}-${width}.axe.json`, JSON.stringify(v, null, 1));
  return v.map(
    (v) => `${role} ${path} @${width}px: ${v.rule} (${v.impact}) at ${v.targets.join(' | ')}: ${v.detail}`,
  );
}

/** The first record a list links to, of each kind (a proposal, an opinion, an issue). */
function firstRecordLinks(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const kinds = [/^\\/proposals\\/\\d+$/, /^\\/opinions\\/\\d+$/, /^\\/opinions\\/issues\\/\\d+$/];
    const paths = [...document.querySelectorAll('main a[href]')].map((a) => new URL(a.href).pathname);
    return kinds.map((kind) => paths.find((p) => kind.test(p))).filter(Boolean);
  })()`);
}

/** Forms and lists outside the menu, for those whose menu has the list they belong to. */
const besideMenu: Record<string, string[]> = {
  '/proposals/mine': ['/proposals/new'],
  '/proposals/review': ['/proposals/followups'],
  '/opinions/mine': ['/opinions/new'],
  '/opinions/inbox': ['/opinions/issues/new'],
};

mkdirSync(screenshotDir, { recursive: true });

test('the login page has no serious accessibility violation at either width', async ({ browser }) => {
  const context = await browserContext(browser);
  const found: string[] = [];
  for (const width of widths) {
    const page = await newPage(context, width);
    await page.goto('/login');
    await page.getByLabel('用户名或手机号').waitFor();
    found.push(...(await audit(page, 'guest', '/login', width)));
  }
  await context.close();
  expect(found).toEqual([]);
});

/** Opens a page of the app in the app, as its links do (a reload would load the whole app again). */
async function openInApp(page: Page, path: string) {
  await page.evaluate(
    `history.pushState(null, '', ${JSON.stringify(path)}); dispatchEvent(new PopStateEvent('popstate'))`,
  );
  await page.waitForURL((url) => url.pathname === path);
}

/** Paths handed from one walk to another as they are found; `next` waits for the next one, or undefined at the end. */
function pathQueue() {
  const paths: string[] = [];
  let ended = false;
  let wake = () => {};
  let read = 0;
  return {
    paths,
    push(path: string) {
      paths.push(path);
      wake();
    },
    end() {
      ended = true;
      wake();
    },
    async next(): Promise<string | undefined> {
      while (read >= paths.length && !ended) await new Promise<void>((resolve) => (wake = resolve));
      return paths[read++];
    },
  };
}

// Two roles at a time (`maxConcurrency` in vitest.config.ts): much of a walk is waiting for the server.
for (const role of roles) {
  test.concurrent(
    `${role}: every page has no serious accessibility violation at 1440 and 375 px`,
    async ({ browser, expect }) => {
      const context = await browserContext(browser);
      // The phone has a window of its own (a page in the background would be drawn slowly), in the same session.
      let phoneContext: BrowserContext | undefined;
      const found: string[] = [];
      try {
        const wide = await newPage(context, 1440);
        await signIn(wide, role);
        phoneContext = await browserContext(browser, await context.storageState());
        const phone = await newPage(phoneContext, 375);
        await phone.goto('/');
        // The phone walks (in the same session) each page the wide screen has found, while it finds the next.
        const queue = pathQueue();
        const phoneWalk = (async () => {
          for (let path = await queue.next(); path; path = await queue.next()) {
            await openInApp(phone, path);
            found.push(...(await audit(phone, role, path, 375)));
          }
        })();
        try {
          // The menu's pages, opened from the menu as a user would.
          const records = new Map<string, string>();
          const items = wide.getByRole('menu').first().getByRole('menuitem');
          await items.first().waitFor();
          const count = await items.count();
          for (let i = 0; i < count; i++) {
            await items.nth(i).click();
            await settled(wide);
            const path = new URL(wide.url()).pathname;
            if (queue.paths.includes(path)) continue;
            found.push(...(await audit(wide, role, path, 1440)));
            queue.push(path);
            for (const link of await firstRecordLinks(wide))
              if (!records.has(pageName(link))) records.set(pageName(link), link);
          }
          const others = [
            ...queue.paths.flatMap((p) => besideMenu[p] ?? []),
            ...records.values(),
            ...(role === 'member' ? ['/change-password'] : []),
          ];
          for (const path of others) {
            await openInApp(wide, path);
            found.push(...(await audit(wide, role, path, 1440)));
            queue.push(path);
          }
        } finally {
          queue.end();
          await phoneWalk;
        }
      } finally {
        await phoneContext?.close();
        await context.close();
      }
      expect(found).toEqual([]);
    },
    120_000,
  );
}

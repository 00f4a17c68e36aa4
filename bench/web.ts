/**
 * What the browser downloads: bytes of JavaScript over the wire (as transferred, so compressed when the
 * server compresses) on the first load of the login page and of a member's home page, each in a fresh
 * Chromium context (empty cache), against the built web UI (`npm run build:web`) served by the real server.
 * Targets (issue #11): login page under 250 KB, member home under 400 KB.
 * Run with `npm run bench:web`; `npm run bench` runs it before the HTTP throughput cases.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { apiSignIn, repoRoot, startServer } from '../e2e/server';
import { recordTargets } from './measure';

const chromiumPath = '/usr/bin/chromium';
const demoPassword = 'Bench#Demo2024';
const targets = { login: 250, home: 400 } as const;

interface Transfer {
  /** Bytes on the wire: body as encoded plus response headers. */
  wire: number;
  /** Bytes after decoding. */
  decoded: number;
  files: number;
}

/** Loads `path` in the context and adds up the JavaScript responses until the page settles. */
async function jsOfFirstLoad(
  context: BrowserContext,
  path: string,
  ready: (page: Page) => Locator,
): Promise<Transfer> {
  const page = await context.newPage();
  const scripts: Promise<{ wire: number; decoded: number }>[] = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() !== 'script') return;
    scripts.push(
      (async () => {
        const sizes = await request.sizes();
        const response = await request.response();
        const decoded = (await response?.body())?.length ?? 0;
        return { wire: sizes.responseBodySize + sizes.responseHeadersSize, decoded };
      })(),
    );
  });
  await page.goto(path);
  await ready(page).waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  const sizes = await Promise.all(scripts);
  await page.close();
  return {
    wire: sizes.reduce((s, x) => s + x.wire, 0),
    decoded: sizes.reduce((s, x) => s + x.decoded, 0),
    files: sizes.length,
  };
}

async function freshContext(browser: Browser, baseURL: string, cookie?: string) {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    viewport: { width: 375, height: 740 },
  });
  if (cookie) {
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: baseURL }]);
  }
  return context;
}

export async function measureWebTransfer(): Promise<{ login: Transfer; home: Transfer }> {
  if (!existsSync(join(repoRoot, 'packages/web/dist/index.html')))
    throw new Error('未找到前端构建产物：请先执行 npm run build:web');
  const dataDir = mkdtempSync(join(tmpdir(), 'cppcc-bench-web-'));
  const server = await startServer({ dataDir, demoPassword });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
  try {
    const anonymous = await freshContext(browser, server.baseUrl);
    const login = await jsOfFirstLoad(anonymous, '/login', (page) => page.getByLabel('用户名或手机号'));
    await anonymous.close();
    const session = await apiSignIn(server.baseUrl, 'member', demoPassword);
    const signedIn = await freshContext(browser, server.baseUrl, session.cookie);
    const home = await jsOfFirstLoad(signedIn, '/', (page) =>
      page.getByRole('heading', { name: /，(上午好|下午好|晚上好)$/ }),
    );
    await signedIn.close();
    return { login, home };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const { login, home } = await measureWebTransfer();
  console.log('首次加载的 JavaScript（传输字节，含压缩；空缓存的 Chromium）');
  for (const [name, key] of [
    ['登录页 /login      ', 'login'],
    ['委员首页 /         ', 'home'],
  ] as const) {
    const t = { login, home }[key];
    const verdict = t.wire / 1024 < targets[key] ? '达标' : '超标';
    console.log(
      `${name}  ${kb(t.wire).padStart(9)}  (解压后 ${kb(t.decoded)}, ${t.files} 个文件)  目标 < ${targets[key]} KB  ${verdict}`,
    );
  }
  recordTargets([`web first load JS login ${kb(login.wire)} member home ${kb(home.wire)} (over the wire)`]);
}

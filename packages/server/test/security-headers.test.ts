import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type AppInstance } from '../src/app';
import { loadConfig, type AppConfig } from '../src/env';
import { contentSecurityPolicy } from '../src/lib/security-headers';
import { buildCommittee, buildUser, testPassword } from './factories';
import { openTestDatabase } from './harness';

/** A built web UI in miniature: the page and one asset, so static answers are checked too. */
const webDist = mkdtempSync(join(tmpdir(), 'cppcc-web-'));
mkdirSync(join(webDist, 'assets'));
writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>t</title><div id="root"></div>');
writeFileSync(join(webDist, 'assets', 'app.js'), 'console.log(1)');

let opened: Awaited<ReturnType<typeof openTestDatabase>>;
let username: string;
const apps: AppInstance[] = [];

beforeAll(async () => {
  opened = await openTestDatabase();
  const committee = await buildCommittee(opened.database.db);
  username = (await buildUser(opened.database.db, committee.id, ['member'])).username;
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await opened.drop();
  rmSync(webDist, { recursive: true, force: true });
});

async function appWith(env: Record<string, string> = {}): Promise<AppInstance> {
  const config: AppConfig = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: `/tmp/cppcc-test-data-${process.pid}`,
    LOGIN_RATE_LIMIT: '100000',
    LOGIN_ACCOUNT_RATE_LIMIT: '100000',
    ...env,
  });
  const app = await buildApp({ database: opened.database, config, webDist });
  await app.ready();
  apps.push(app);
  return app;
}

const login = (app: AppInstance, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers,
    payload: { login: username, password: testPassword },
  });

function sessionCookie(res: LightMyRequestResponse) {
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'cppcc_sid');
  expect(cookie).toBeDefined();
  return cookie!;
}

function expectSecurityHeaders(res: LightMyRequestResponse) {
  expect(res.headers['content-security-policy']).toBe(contentSecurityPolicy);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['x-frame-options']).toBe('DENY');
}

describe('security headers', () => {
  it('are on the page, a client-side route, a static asset, an API answer, an API error and the docs', async () => {
    const app = await appWith();
    const answers = {
      page: await app.inject({ url: '/' }),
      route: await app.inject({ url: '/proposals/1' }),
      asset: await app.inject({ url: '/assets/app.js' }),
      api: await app.inject({ url: '/api/health' }),
      apiError: await app.inject({ url: '/api/auth/me' }),
      docs: await app.inject({ url: '/api/docs/static/index.html' }),
    };
    expect(answers.page.headers['content-type']).toMatch(/text\/html/);
    expect(answers.route.headers['content-type']).toMatch(/text\/html/);
    expect(answers.asset.headers['content-type']).toMatch(/javascript/);
    expect(answers.apiError.statusCode).toBe(401);
    for (const [name, res] of Object.entries(answers)) {
      expect(res.statusCode, name).toBeLessThan(500);
      expectSecurityHeaders(res);
      expect(res.headers['strict-transport-security'], name).toBeUndefined();
    }
  });

  it('forbid framing and script from anywhere but the site itself', () => {
    const directives = new Map(
      contentSecurityPolicy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const),
    );
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it('send HSTS only over HTTPS, which behind a proxy counts only when the proxy is trusted', async () => {
    const direct = await appWith();
    const behindProxy = await appWith({ TRUST_PROXY: '127.0.0.1' });
    const https = { 'x-forwarded-proto': 'https' };

    // An untrusted client cannot claim HTTPS.
    const claimed = await direct.inject({ url: '/', headers: https });
    expect(claimed.headers['strict-transport-security']).toBeUndefined();

    const plain = await behindProxy.inject({ url: '/' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    for (const url of ['/', '/assets/app.js', '/api/health', '/api/auth/me']) {
      const res = await behindProxy.inject({ url, headers: https });
      expect(res.headers['strict-transport-security'], url).toBe('max-age=31536000');
      expectSecurityHeaders(res);
    }
  });
});

describe('the session cookie', () => {
  it('is Secure by default when the request arrived over HTTPS through a trusted proxy, not over HTTP', async () => {
    const app = await appWith({ TRUST_PROXY: 'true' });
    const overHttps = sessionCookie(await login(app, { 'x-forwarded-proto': 'https' }));
    expect(overHttps.secure).toBe(true);
    expect(overHttps.httpOnly).toBe(true);
    expect(overHttps.sameSite).toBe('Strict');
    expect(sessionCookie(await login(app)).secure).toBeFalsy();
  });

  it('is not Secure when an untrusted client only claims HTTPS', async () => {
    const app = await appWith();
    expect(sessionCookie(await login(app, { 'x-forwarded-proto': 'https' })).secure).toBeFalsy();
  });

  it('is always Secure with COOKIE_SECURE=true (a proxy that terminates TLS without saying so)', async () => {
    const app = await appWith({ COOKIE_SECURE: 'true' });
    expect(sessionCookie(await login(app)).secure).toBe(true);
  });

  it('is never Secure with COOKIE_SECURE=false', async () => {
    const app = await appWith({ COOKIE_SECURE: 'false', TRUST_PROXY: 'true' });
    expect(sessionCookie(await login(app, { 'x-forwarded-proto': 'https' })).secure).toBeFalsy();
  });

  it('is cleared with the same attributes it was set with', async () => {
    const app = await appWith({ TRUST_PROXY: 'true' });
    const cookie = sessionCookie(await login(app, { 'x-forwarded-proto': 'https' }));
    const me = await app.inject({
      url: '/api/auth/me',
      headers: { cookie: `cppcc_sid=${cookie.value}x`, 'x-forwarded-proto': 'https' },
    });
    const cleared = me.cookies.find((c) => c.name === 'cppcc_sid');
    expect(cleared?.value).toBe('');
    expect(cleared?.secure).toBe(true);
  });

  it('refuses a COOKIE_SECURE or TRUST_PROXY it does not understand', () => {
    expect(() => loadConfig({ COOKIE_SECURE: 'yes' })).toThrow(/COOKIE_SECURE/);
    expect(() => loadConfig({ TRUST_PROXY: 'a b' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({}).secureCookies).toBe('auto');
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8,127.0.0.1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
  });
});

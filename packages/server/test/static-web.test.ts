import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type AppInstance } from '../src/app';
import { loadConfig } from '../src/env';
import { immutableCacheControl } from '../src/lib/static-web';
import { openTestDatabase } from './harness';

/** A built web UI in miniature, as `vite build` writes it: each file with its brotli and gzip copies. */
const webDist = mkdtempSync(join(tmpdir(), 'cppcc-web-'));
const page = '<!doctype html><title>t</title><script type="module" src="/assets/index-B2x9.js"></script>';
const script = `export const text = '${'政协'.repeat(400)}';`;
function writeBuilt(path: string, content: string) {
  writeFileSync(join(webDist, path), content);
  writeFileSync(join(webDist, `${path}.br`), brotliCompressSync(content));
  writeFileSync(join(webDist, `${path}.gz`), gzipSync(content));
}
mkdirSync(join(webDist, 'assets'));
writeBuilt('index.html', page);
writeBuilt('assets/index-B2x9.js', script);
// A file the build left uncompressed (an image).
writeFileSync(join(webDist, 'assets', 'logo-C3d4.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));

let opened: Awaited<ReturnType<typeof openTestDatabase>>;
let app: AppInstance;

beforeAll(async () => {
  opened = await openTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: `/tmp/cppcc-test-data-${process.pid}` });
  app = await buildApp({ database: opened.database, config, webDist });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await opened.drop();
  rmSync(webDist, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

function decoded(res: LightMyRequestResponse): string {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(res.rawPayload).toString();
  if (encoding === 'gzip') return gunzipSync(res.rawPayload).toString();
  return res.body;
}

function expectVariesByEncoding(res: LightMyRequestResponse) {
  expect(String(res.headers.vary).toLowerCase().split(/,\s*/)).toContain('accept-encoding');
}

describe('the static web UI', () => {
  it('sends a hashed asset compressed as the browser accepts, immutable for a year', async () => {
    const br = await get('/assets/index-B2x9.js', 'gzip, deflate, br, zstd');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe(immutableCacheControl);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expectVariesByEncoding(br);
    expect(br.rawPayload.length).toBeLessThan(script.length / 4);
    expect(decoded(br)).toBe(script);

    const gzip = await get('/assets/index-B2x9.js', 'gzip, deflate');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['cache-control']).toBe(immutableCacheControl);
    expectVariesByEncoding(gzip);
    expect(decoded(gzip)).toBe(script);

    const plain = await get('/assets/index-B2x9.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe(immutableCacheControl);
    expectVariesByEncoding(plain);
    expect(plain.body).toBe(script);
  });

  it('sends an asset the build did not compress as it is, still immutable', async () => {
    const res = await get('/assets/logo-C3d4.png', 'br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toBe(immutableCacheControl);
    expectVariesByEncoding(res);
  });

  it('sends the page, also as the fallback of client-side routes, compressed and never cached', async () => {
    for (const url of ['/', '/index.html', '/proposals/123', '/login?from=%2Fmembers']) {
      const res = await get(url, 'gzip, deflate, br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expectVariesByEncoding(res);
      expect(decoded(res), url).toBe(page);
    }
    const plain = await get('/proposals/123');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('no-cache');
    expect(plain.body).toBe(page);
  });

  it('answers a missing asset with 404, not with the page', async () => {
    const res = await get('/assets/index-OLD1.js', 'br');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.headers['cache-control']).not.toBe(immutableCacheControl);
  });

  it('keeps API answers out of the static caching', async () => {
    const res = await get('/api/health', 'br');
    expect(res.headers['cache-control']).not.toBe(immutableCacheControl);
    // An unknown API address is never answered with the page.
    expect((await get('/api/nothing-here')).headers['content-type']).toMatch(/json/);
  });
});

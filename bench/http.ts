/**
 * HTTP throughput on the embedded database and on PostgreSQL, one after the other, on the demo data:
 * `GET /api/health` (trivial, one `select 1`), `GET /api/auth/me` (signed in: session lookup + user),
 * a page of the staff's proposal list, a closed proposal's detail and the session's proposal figures,
 * each against the ceilings measured in the same run (bench/ceiling-server.ts: a bare Fastify constant,
 * and a bare Fastify with one primary-key SELECT through a pg pool). On the embedded database it also
 * measures isolation: a static file and `/api/health` while 5 clients run the heaviest reads.
 * Run with `npm run bench` (or `npx tsx bench/http.ts`). Loopback only; 10 s per case.
 * BENCH_DATABASE_URL overrides the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { spawn } from 'node:child_process';
import { apiGet, apiSignIn, repoRoot, startServer } from '../e2e/server';
import { recordTargets } from './measure';

const durationSeconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const demoPassword = 'Bench#Demo2024';

interface CaseResult {
  reqPerSec: number;
  p99: number;
  failures: number;
}
type ModeResult = Record<'health' | 'me' | 'list' | 'detail' | 'figures' | 'constant' | 'row', CaseResult> & {
  isolation?: { static: number; health: number; heavy: number };
};

/** Starts bench/ceiling-server.ts on the mode's database and resolves with its address. */
async function startCeiling(databaseUrl?: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/ceiling-server.ts'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CEILING_DATABASE_URL: databaseUrl ?? '' },
  });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`ceiling server exited ${code}`)));
  });
  return {
    baseUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Isolation on the embedded database: 5 clients run the heaviest reads (search, the satisfied list with a
 * keyword, a closed proposal's detail, the figures) while one client asks for a static file (the page,
 * `index.html`) and one for
 * `/api/health`; the p99 of each.
 */
async function isolation(baseUrl: string, cookie: string, closedId: number, sessionId: number) {
  const heavy = autocannon({
    url: baseUrl,
    connections: 5,
    duration: durationSeconds,
    headers: { cookie },
    requests: [
      { method: 'GET', path: `/api/search?q=${encodeURIComponent('养老服务')}` },
      {
        method: 'GET',
        path: `/api/proposals?view=all&satisfaction=satisfied&q=${encodeURIComponent('提案')}`,
      },
      { method: 'GET', path: `/api/proposals/${closedId}` },
      { method: 'GET', path: `/api/proposals/figures?sessionId=${sessionId}` },
    ],
  });
  const [heavyResult, staticResult, healthResult] = await Promise.all([
    heavy,
    autocannon({ url: `${baseUrl}/`, connections: 1, duration: durationSeconds }),
    autocannon({ url: `${baseUrl}/api/health`, connections: 1, duration: durationSeconds }),
  ]);
  return {
    static: staticResult.latency.p99,
    health: healthResult.latency.p99,
    heavy: heavyResult.requests.average,
  };
}

async function measure(url: string, headers: Record<string, string> = {}): Promise<CaseResult> {
  // A short warm-up so that JIT and connection set-up do not count.
  await autocannon({ url, connections, duration: 1, headers });
  const result = await autocannon({ url, connections, duration: durationSeconds, headers });
  return {
    reqPerSec: result.requests.average,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

async function runMode(label: string, databaseUrl?: string): Promise<ModeResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cppcc-bench-'));
  const server = await startServer({ dataDir, demoPassword, databaseUrl });
  try {
    console.log(`${label}: ${server.baseUrl}`);
    const health = await measure(`${server.baseUrl}/api/health`);
    const session = await apiSignIn(server.baseUrl, 'liaison.staff', demoPassword);
    const me = await measure(`${server.baseUrl}/api/auth/me`, { cookie: session.cookie });
    const staff = await apiSignIn(server.baseUrl, 'proposal.staff', demoPassword);
    const { currentSessionId } = await apiGet<{ currentSessionId: number }>(
      server.baseUrl,
      staff,
      '/api/proposals/form-options',
    );
    const list = await measure(`${server.baseUrl}/api/proposals?view=all&page=1&pageSize=20`, {
      cookie: staff.cookie,
    });
    // A closed proposal: every section of the detail (units, answers, ratings, timeline) has rows.
    const closed = await apiGet<{ items: { id: number }[] }>(
      server.baseUrl,
      staff,
      '/api/proposals?view=all&state=closed&page=1&pageSize=1',
    );
    const detail = await measure(`${server.baseUrl}/api/proposals/${closed.items[0]!.id}`, {
      cookie: staff.cookie,
    });
    const figures = await measure(`${server.baseUrl}/api/proposals/figures?sessionId=${currentSessionId}`, {
      cookie: staff.cookie,
    });
    const isolated =
      databaseUrl === undefined
        ? await isolation(server.baseUrl, staff.cookie, closed.items[0]!.id, currentSessionId)
        : undefined;
    await server.stop();
    // The ceilings, with the app's process stopped: the same machine, the same database kind.
    const ceiling = await startCeiling(databaseUrl);
    try {
      const constant = await measure(`${ceiling.baseUrl}/constant`);
      const row = await measure(`${ceiling.baseUrl}/row`);
      return { health, me, list, detail, figures, constant, row, isolation: isolated };
    } finally {
      await ceiling.stop();
    }
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function withScratchDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  const name = `cppcc_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await run(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const format = (r: CaseResult) =>
  `${Math.round(r.reqPerSec).toString().padStart(7)} req/s  p99 ${String(r.p99).padStart(4)} ms${r.failures ? `  (${r.failures} 失败)` : ''}`;

const embedded = await runMode('嵌入式 PGlite');
const postgres = await withScratchDatabase((url) => runMode('PostgreSQL', url));

console.log(`\n${connections} 个连接，每项 ${durationSeconds} 秒（回环地址）`);
const cases = [
  ['ceiling: Fastify constant  ', 'constant'],
  ['ceiling: one PK SELECT     ', 'row'],
  ['GET /api/health          ', 'health'],
  ['GET /api/auth/me         ', 'me'],
  ['GET /api/proposals       ', 'list'],
  ['GET /api/proposals/:id   ', 'detail'],
  ['GET /api/proposals/figures', 'figures'],
] as const;
for (const [name, key] of cases) {
  const e = embedded[key];
  const p = postgres[key];
  console.log(
    `${name}  嵌入式 ${format(e)}   PostgreSQL ${format(p)}   嵌入式/PostgreSQL ${(e.reqPerSec / p.reqPerSec).toFixed(2)}`,
  );
}
// Each case against the one-SELECT ceiling of the same mode: what the platform adds to one query.
console.log('\n相对“Fastify + 一条主键查询”上限的吞吐比（同一模式）');
const ratio = (m: ModeResult, key: keyof ModeResult) =>
  ((m[key] as CaseResult).reqPerSec / m.row.reqPerSec).toFixed(2);
for (const [name, key] of cases.slice(2))
  console.log(`${name}  嵌入式 ${ratio(embedded, key)}   PostgreSQL ${ratio(postgres, key)}`);
const iso = embedded.isolation!;
recordTargets([
  `detail/ceiling postgres ${ratio(postgres, 'detail')} embedded ${ratio(embedded, 'detail')}`,
  `me/ceiling postgres ${ratio(postgres, 'me')} embedded ${ratio(embedded, 'me')}`,
  `isolation static p99 ${iso.static} ms health p99 ${iso.health} ms (embedded, while 5 clients ran ${Math.round(iso.heavy)} heavy reads/s)`,
]);

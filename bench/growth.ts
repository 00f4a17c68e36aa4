/**
 * Lists and figures as a committee's proposals grow: one session of one committee filled to 500 (a
 * county's year), 10,000 and 100,000 proposals, with unit slots, answers, ratings and key proposals in
 * the proportions of a real year (about 85 % accepted, a third with a co-unit, every answered one rated,
 * 1 % key proposals, a few overdue). At each size it prints p50/p99 of the staff's list (the default
 * sort, one filter at a time, keywords of two and four characters, a deep page), the session's figures,
 * a proposal's detail and, as the baseline measured the same way, a signed-in `GET /api/auth/me`.
 * Runs on the embedded database and (when DATABASE_URL is set) on PostgreSQL; requests go through the
 * app in process (`inject`), one after another, so the figures are the server's and the database's.
 * Run with `npm run bench:growth` (GROWTH_SIZES=500,10000 for a shorter run).
 */
import { sql } from 'drizzle-orm';
import * as s from '../packages/server/src/db/schema';
import { signedInUser } from '../packages/server/test/factories';
import { as, createTestApp, type Session, type TestContext } from '../packages/server/test/harness';
import { percentiles, recordTargets } from './measure';
import { addProposals, buildProposalYear } from './proposal-year';

const sizes = (process.env.GROWTH_SIZES ?? '500,10000,100000').split(',').map(Number);
const rounds = Number(process.env.GROWTH_ROUNDS ?? 150);

/** A case: the URL of each round, and what to do before it, untimed (a write that makes the next read count anew). */
type Case = ((i: number) => string) | { url: (i: number) => string; before: () => Promise<unknown> };

async function timed(t: TestContext, session: Session, testCase: Case) {
  const url = typeof testCase === 'function' ? testCase : testCase.url;
  const before = typeof testCase === 'function' ? undefined : testCase.before;
  for (let i = 0; i < 5; i++) await t.app.inject({ method: 'GET', url: url(i), headers: as(session) });
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    await before?.();
    const started = performance.now();
    const res = await t.app.inject({ method: 'GET', url: url(i), headers: as(session) });
    times.push(performance.now() - started);
    if (res.statusCode !== 200) throw new Error(`${url(i)}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  }
  return percentiles(times);
}

type Timing = ReturnType<typeof percentiles>;

async function runMode(label: string) {
  const t = await createTestApp();
  const results = new Map<number, Record<string, Timing>>();
  try {
    const db = t.database.db;
    const world = await buildProposalYear(db);
    const { committeeId, sessionId, unitIds, sectorIds } = world;
    const staff = await signedInUser(t.app, committeeId, ['proposalStaff']);
    const list = (query: string) => (i: number) =>
      `/api/proposals?view=all&pageSize=20&sort=updatedAt&order=desc&page=${1 + (i % 3)}${query}`;
    let filled = 0;
    console.log(`${label}:`);
    for (const size of sizes) {
      const started = performance.now();
      await addProposals(db, world, filled + 1, size);
      filled = size;
      const [closed] = await db
        .select({ id: s.proposals.id })
        .from(s.proposals)
        .where(sql`${s.proposals.state} = 'closed' and ${s.proposals.committeeId} = ${committeeId}`)
        .limit(1);
      // A write of the committee's records (the same row again): what every kept total and figure waits for.
      const write = () =>
        db.execute(sql`update proposals set updated_at = updated_at where id = ${closed!.id}`);
      const cases: Record<string, Case> = {
        'GET /api/auth/me (baseline)': () => '/api/auth/me',
        'list, default sort': list(''),
        'list, page 200': (i) => list('')(i).replace(/page=\d+/, `page=${200 + i}`),
        'list, state': list('&state=assigned'),
        'list, stage': list('&stage=answered'),
        'list, category': list(`&category=${encodeURIComponent(world.categories[1]!)}`),
        'list, unit': (i) => list(`&unitId=${unitIds[i % unitIds.length]}`)(i),
        'list, sector': (i) => list(`&sectorId=${sectorIds[i % sectorIds.length]}`)(i),
        'list, key proposals': list('&keyStatus=approved'),
        'list, overdue view': (i) => list('')(i).replace('view=all', 'view=overdue'),
        'list, satisfied': list('&satisfaction=satisfied'),
        'list, keyword of 2 characters': (i) =>
          list(`&q=${encodeURIComponent(['电梯', '养老', '教育'][i % 3]!)}`)(i),
        'list, keyword of 4 characters': (i) =>
          list(`&q=${encodeURIComponent(['老旧小区', '农村饮水', '垃圾分类'][i % 3]!)}`)(i),
        'list, after a write': { url: list(''), before: write },
        'list, unit, after a write': {
          url: (i) => list(`&unitId=${unitIds[i % unitIds.length]}`)(i),
          before: write,
        },
        'figures of the session': () => `/api/proposals/figures?sessionId=${sessionId}`,
        'figures, after a write': {
          url: () => `/api/proposals/figures?sessionId=${sessionId}`,
          before: write,
        },
        'detail of a closed proposal': () => `/api/proposals/${closed!.id}`,
      };
      const timings: Record<string, Timing> = {};
      for (const [name, url] of Object.entries(cases)) timings[name] = await timed(t, staff, url);
      results.set(size, timings);
      console.log(
        `  ${size.toLocaleString('en')} proposals (filled in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
      for (const [name, r] of Object.entries(timings))
        console.log(
          `    ${name.padEnd(32)} p50 ${r.p50.toFixed(1).padStart(7)} ms  p99 ${r.p99.toFixed(1).padStart(7)} ms`,
        );
    }
    return results;
  } finally {
    await t.close();
  }
}

/** The worst p99 of the list cases at a size: those that read again what is kept, or those after a write. */
const listP99 = (timings: Record<string, Timing> | undefined, afterWrite = false) =>
  timings
    ? Math.max(
        ...Object.entries(timings)
          .filter(([k]) => k.startsWith('list') && k.endsWith('after a write') === afterWrite)
          .map(([, r]) => r.p99),
      )
    : undefined;
const ms = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(1));

// PostgreSQL as `npm run bench` measures it (the same server as bench/http.ts) unless DATABASE_URL says otherwise.
const url =
  process.env.DATABASE_URL ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
delete process.env.DATABASE_URL;
const embedded = process.env.GROWTH_DATABASES === 'postgres' ? undefined : await runMode('embedded (PGlite)');
let postgres: Awaited<ReturnType<typeof runMode>> | undefined;
if (url) {
  process.env.DATABASE_URL = url;
  postgres = await runMode('PostgreSQL');
}
const largest = Math.max(...sizes);
const smallest = Math.min(...sizes);
const figures = (m: typeof postgres, size: number, afterWrite = false) =>
  m?.get(size)?.[afterWrite ? 'figures, after a write' : 'figures of the session']?.p99;
recordTargets([
  `list100k p99 ${ms(listP99(postgres?.get(largest)))} ms postgres (worst list case at ${largest.toLocaleString('en')}; after a write ${ms(listP99(postgres?.get(largest), true))} ms; embedded ${ms(listP99(embedded?.get(largest)))} ms)`,
  `figures100k p99 ${ms(figures(postgres, largest))} ms postgres (after a write ${ms(figures(postgres, largest, true))} ms; embedded, ${smallest.toLocaleString('en')} proposals: ${ms(figures(embedded, smallest))} ms, after a write ${ms(figures(embedded, smallest, true))} ms)`,
]);

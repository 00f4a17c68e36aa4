/**
 * Search at a county's scale and beyond: one committee with 100,000 proposals (texts of the labelled
 * evaluation set, packages/server/eval/search, each with its own place and year so no two are the same),
 * on the embedded database and (when DATABASE_URL is set) on PostgreSQL. Prints, per database:
 * the time to index them all, the global search p50/p95 over two-character and longer words, similar
 * items top-10 p50/p95 (for a text being written and for a proposal at review), and what keeping the
 * index current adds to a submission. The baseline, measured in the same run the same way, is a
 * signed-in `GET /api/auth/me`. Requests go through the app in process (`inject`).
 * Run with `npm run bench:search` (SEARCH_BENCH_PROPOSALS=10000 for a shorter run).
 */
import { sql } from 'drizzle-orm';
import * as s from '../packages/server/src/db/schema';
import { syncSearchIndex } from '../packages/server/src/modules/search/sync';
import { getSettings } from '../packages/server/src/lib/settings';
import {
  buildCommittee,
  buildMember,
  buildPlenarySession,
  buildUser,
  signedInUser,
} from '../packages/server/test/factories';
import { as, createTestApp, type Session, type TestContext } from '../packages/server/test/harness';
import { percentiles, textsOfTheEvaluationSet } from './measure';

const size = Number(process.env.SEARCH_BENCH_PROPOSALS ?? 100_000);
const rounds = 100;

const texts = textsOfTheEvaluationSet();
const places = '城关 东城 西城 南关 北郊 青石 柳河 桃园 松林 白马 金川 石桥 龙泉 新村 高庙 河口'.split(' ');
const words = [
  '电梯',
  '养老',
  '停车',
  '学校',
  '医保',
  '农村饮水',
  '电动自行车充电',
  '加装电梯',
  '垃圾分类',
  '托育',
];

async function timed(
  t: TestContext,
  session: Session,
  request: (i: number) => { method: 'GET' | 'POST'; url: string; payload?: object },
) {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    const res = await t.app.inject({ ...request(i), headers: as(session) });
    times.push(performance.now() - started);
    if (res.statusCode !== 200) throw new Error(`${request(i).url}: ${res.statusCode} ${res.body}`);
  }
  return percentiles(times);
}

/** Many proposals in few statements: each row a text of the set, placed in a town and a year. */
async function fill(t: TestContext, committeeId: number) {
  const db = t.database.db;
  const session = await buildPlenarySession(db, committeeId);
  const member = await buildMember(db, committeeId);
  const user = await buildUser(db, committeeId, ['member'], { memberId: member.id });
  const states = ['submitted', 'accepted', 'assigned', 'answered', 'closed', 'closed', 'closed'];
  const batch = 1000;
  for (let start = 0; start < size; start += batch) {
    const rows = Array.from({ length: Math.min(batch, size - start) }, (_, k) => {
      const n = start + k;
      const text = texts[n % texts.length]!;
      const place = places[Math.floor(n / texts.length) % places.length]!;
      return {
        committeeId,
        sessionId: session.id,
        leadMemberId: member.id,
        createdBy: user.id,
        title: text.title.replace(/^关于/, `关于${place}`).replace(/的建议$/, '的提案'),
        content: `${place}${text.content}（${2000 + (n % 27)}年第${n}号）`,
        category: '社会建设',
        state: states[n % states.length]!,
        submittedAt: new Date(),
      };
    });
    await db.insert(s.proposals).values(rows);
  }
  await db.execute(sql`analyze proposals`);
}

async function runMode(label: string) {
  const t = await createTestApp();
  try {
    const db = t.database.db;
    const committee = await buildCommittee(db);
    const filled = performance.now();
    await fill(t, committee.id);
    const fillMs = performance.now() - filled;
    const settings = await getSettings(db, committee.id);
    const indexing = performance.now();
    await syncSearchIndex(db, committee.id, settings);
    await db.execute(sql`analyze search_entries`);
    const indexMs = performance.now() - indexing;
    // At rest: past the margin in which the index reads the latest rows again (modules/search/sync.ts).
    await new Promise((r) => setTimeout(r, 11_000));
    await syncSearchIndex(db, committee.id, settings);

    const staff = await signedInUser(t.app, committee.id, ['proposalStaff']);
    const baseline = await timed(t, staff, () => ({ method: 'GET', url: '/api/auth/me' }));
    const search = await timed(t, staff, (i) => ({
      method: 'GET',
      url: `/api/search?q=${encodeURIComponent(words[i % words.length]!)}`,
    }));
    const similarText = await timed(t, staff, (i) => {
      const text = texts[(i * 7) % texts.length]!;
      return {
        method: 'POST',
        url: '/api/search/similar',
        payload: { title: text.title, content: text.content },
      };
    });
    const [first] = await db
      .select({ id: s.proposals.id })
      .from(s.proposals)
      .orderBy(s.proposals.id)
      .limit(1);
    const similarRecord = await timed(t, staff, (i) => ({
      method: 'GET',
      url: `/api/search/similar/proposal/${first!.id + i * 13}`,
    }));

    // A submission writes nothing to the index; the next search reads it in. Both are timed.
    const writer = await buildMember(db, committee.id);
    const writerSession = await signedInUser(t.app, committee.id, ['member'], { memberId: writer.id });
    const submits: number[] = [];
    const catchUps: number[] = [];
    for (let i = 0; i < 20; i++) {
      const text = texts[i]!;
      const started = performance.now();
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/proposals',
        headers: as(writerSession),
        payload: {
          title: `${text.title.slice(0, 40)}（新${i}）`,
          category: '社会建设',
          content: text.content,
        },
      });
      const { id, version } = created.json() as { id: number; version: number };
      const submitted = await t.app.inject({
        method: 'POST',
        url: `/api/proposals/${id}/submit`,
        headers: as(writerSession),
        payload: { version },
      });
      if (submitted.statusCode !== 200) throw new Error(`submit: ${submitted.body}`);
      submits.push(performance.now() - started);
      const sync = performance.now();
      await syncSearchIndex(db, committee.id, settings);
      catchUps.push(performance.now() - sync);
    }
    const submit = percentiles(submits);
    const catchUp = percentiles(catchUps);

    const line = (name: string, r: { p50: number; p95: number }) =>
      `  ${name.padEnd(44)} p50 ${r.p50.toFixed(1).padStart(7)} ms  p95 ${r.p95.toFixed(1).padStart(7)} ms  (p95 ${(r.p95 / baseline.p95).toFixed(1)}× baseline)`;
    console.log(
      `${label}, ${size.toLocaleString('en')} proposals (filled in ${(fillMs / 1000).toFixed(1)} s):`,
    );
    console.log(`  indexing all of them                         ${(indexMs / 1000).toFixed(1)} s`);
    console.log(line('baseline: GET /api/auth/me', baseline));
    console.log(line('search (two-character and longer words)', search));
    console.log(line('similar top-10, a text being written', similarText));
    console.log(line('similar top-10, a proposal at review', similarRecord));
    console.log(line('create + submit a proposal', submit));
    console.log(line('index catch-up after one submission', catchUp));
    return { search, similar: similarText, record: similarRecord, catchUp };
  } finally {
    await t.close();
  }
}

const url = process.env.DATABASE_URL;
delete process.env.DATABASE_URL;
// SEARCH_BENCH_DATABASES=postgres measures PostgreSQL alone (while tuning a query).
const embedded =
  process.env.SEARCH_BENCH_DATABASES === 'postgres' ? undefined : await runMode('embedded (PGlite)');
let postgres: Awaited<ReturnType<typeof runMode>> | undefined;
if (url) {
  process.env.DATABASE_URL = url;
  postgres = await runMode('PostgreSQL');
}
const f = (r: { p95: number } | undefined) => (r ? r.p95.toFixed(0) : '–');
console.log(`search100k p95 postgres ${f(postgres?.search)} ms embedded ${f(embedded?.search)} ms`);
console.log(
  `similar100k top10 p95 postgres ${f(postgres?.similar)} ms (at review ${f(postgres?.record)} ms) embedded ${f(embedded?.similar)} ms (at review ${f(embedded?.record)} ms)`,
);
console.log(
  `index per submission p95 postgres ${f(postgres?.catchUp)} ms embedded ${f(embedded?.catchUp)} ms`,
);

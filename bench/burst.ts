/**
 * The plenary's filing hour: 250 members each sign in with their password, create a proposal and submit
 * it, all arriving within 5 seconds, and then spread over 60 seconds; on the embedded database and (when
 * DATABASE_URL is set) on PostgreSQL. Requests go through the app in process (`inject`), so the figures
 * are the server's and the database's. Prints p50/p99 per request and per step, the errors, and what one
 * password verification costs here (the hash parameters are the platform's own).
 * Run with `npm run bench:burst`.
 */
import { loadConfig } from '../packages/server/src/env';
import { hashPassword, verifyPassword } from '../packages/server/src/lib/auth';
import { crowdOfMembers } from '../packages/server/test/crowd';
import {
  buildCommittee,
  buildPlenarySession,
  buildSector,
  buildTerm,
  testPassword,
} from '../packages/server/test/factories';
import { createTestApp, sessionOf, type TestContext } from '../packages/server/test/harness';
import { percentiles, recordTargets, textsOfTheEvaluationSet } from './measure';

const members = Number(process.env.BURST_MEMBERS ?? 250);
const texts = textsOfTheEvaluationSet().filter((x) => x.kind === 'proposal');

interface Step {
  name: string;
  ms: number;
  ok: boolean;
}

/** One member's filing: sign in, write the proposal, submit it. */
async function file(t: TestContext, login: string, n: number, steps: Step[], address: string) {
  const timed = async <T>(name: string, run: () => Promise<T>, ok: (r: T) => boolean) => {
    const started = performance.now();
    const result = await run();
    steps.push({ name, ms: performance.now() - started, ok: ok(result) });
    return result;
  };
  const signedIn = await timed(
    'sign in',
    () =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login, password: testPassword },
        remoteAddress: address,
      }),
    (r) => r.statusCode === 200,
  );
  if (signedIn.statusCode !== 200) return;
  const session = sessionOf(signedIn);
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
  const text = texts[n % texts.length]!;
  const created = await timed(
    'create',
    () =>
      t.app.inject({
        method: 'POST',
        url: '/api/proposals',
        headers,
        payload: { title: `${text.title.slice(0, 40)}（${n}）`, category: '社会建设', content: text.content },
      }),
    (r) => r.statusCode === 201 || r.statusCode === 200,
  );
  if (!(created.statusCode === 201 || created.statusCode === 200)) return;
  const { id, version } = created.json() as { id: number; version: number };
  await timed(
    'submit',
    () => t.app.inject({ method: 'POST', url: `/api/proposals/${id}/submit`, headers, payload: { version } }),
    (r) => r.statusCode === 200,
  );
}

async function wave(t: TestContext, logins: string[], spreadMs: number, address: string) {
  const steps: Step[] = [];
  const started = performance.now();
  await Promise.all(
    logins.map(async (login, i) => {
      await new Promise((r) => setTimeout(r, (i * spreadMs) / logins.length));
      await file(t, login, i, steps, address);
    }),
  );
  const all = percentiles(steps.map((s) => s.ms));
  const byStep = Object.fromEntries(
    ['sign in', 'create', 'submit'].map((name) => [
      name,
      percentiles(steps.filter((s) => s.name === name).map((s) => s.ms)),
    ]),
  );
  return {
    ...all,
    byStep,
    errors: steps.filter((s) => !s.ok).length + (logins.length * 3 - steps.length),
    seconds: (performance.now() - started) / 1000,
  };
}

async function runMode(label: string) {
  // The plenary's hall signs in from one address, under the platform's default sign-in limits.
  const { loginRateLimit, loginAccountRateLimit } = loadConfig({});
  const t = await createTestApp({ loginRateLimit, loginAccountRateLimit });
  try {
    const db = t.database.db;
    const committee = await buildCommittee(db);
    const term = await buildTerm(db, committee.id);
    const sector = await buildSector(db, committee.id);
    // Proposals are filed into the session open now.
    const today = new Date();
    const day = (offset: number) => new Date(today.getTime() + offset * 86400_000).toISOString().slice(0, 10);
    await buildPlenarySession(db, committee.id, {
      submissionOpens: day(-30),
      submissionCloses: day(30),
      meetingStart: day(-1),
      meetingEnd: day(3),
    });
    await crowdOfMembers(db, committee.id, term.id, sector.id, members * 2);
    const logins = Array.from({ length: members * 2 }, (_, i) => `crowd${committee.id}x${i}`);
    // Two plenaries, each signing in from its hall's one address.
    const burst = await wave(t, logins.slice(0, members), 5000, '10.0.0.1');
    const spread = await wave(t, logins.slice(members), 60_000, '10.0.0.2');
    const line = (name: string, r: Awaited<ReturnType<typeof wave>>) =>
      `  ${name.padEnd(24)} p50 ${r.p50.toFixed(0).padStart(5)} ms  p99 ${r.p99.toFixed(0).padStart(5)} ms  errors ${r.errors}  (${Object.entries(
        r.byStep,
      )
        .map(([k, v]) => `${k} p99 ${v.p99.toFixed(0)} ms`)
        .join(', ')}; done in ${r.seconds.toFixed(1)} s)`;
    console.log(`${label}:`);
    console.log(line(`${members} within 5 s`, burst));
    console.log(line(`${members} over 60 s`, spread));
    return { burst, spread };
  } finally {
    await t.close();
  }
}

// One verification with the platform's parameters, alone on the machine.
const hash = await hashPassword(testPassword);
const verifications: number[] = [];
for (let i = 0; i < 20; i++) {
  const started = performance.now();
  await verifyPassword(hash, testPassword);
  verifications.push(performance.now() - started);
}
const verification = percentiles(verifications).p50;
console.log(
  `password hash ${hash.split('$').slice(1, 4).join(' ')}: one verification ${verification.toFixed(1)} ms`,
);

// PostgreSQL as `npm run bench` measures it (the same server as bench/http.ts) unless DATABASE_URL says otherwise.
const url =
  process.env.DATABASE_URL ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
delete process.env.DATABASE_URL;
const embedded = await runMode('embedded (PGlite)');
let postgres: Awaited<ReturnType<typeof runMode>> | undefined;
if (url) {
  process.env.DATABASE_URL = url;
  postgres = await runMode('PostgreSQL');
}
const f = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(0));
recordTargets([
  `burst5s embedded p99 ${f(embedded.burst.p99)} ms postgres p99 ${f(postgres?.burst.p99)} ms (errors ${embedded.burst.errors + (postgres?.burst.errors ?? 0)})`,
  `burst60s embedded p99 ${f(embedded.spread.p99)} ms postgres p99 ${f(postgres?.spread.p99)} ms (errors ${embedded.spread.errors + (postgres?.spread.errors ?? 0)})`,
  `password verification ${verification.toFixed(1)} ms (${hash.split('$').slice(1, 4).join(' ')})`,
]);

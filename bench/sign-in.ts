/**
 * A plenary signing in: 250 members of one meeting each sign in with the code on the screen, all at
 * once and then spread over 5 seconds, on the embedded database and (when DATABASE_URL is set) on
 * PostgreSQL. Requests go through the app in process (`inject`), so the figures are the server's
 * and the database's, not the network's. The baseline, measured in the same run the same way, is
 * 250 signed-in `GET /api/auth/me` at once. Prints p50/p99 and the rows written.
 * Run with `npm run bench:sign-in` (or `npx tsx bench/sign-in.ts`).
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import * as s from '../packages/server/src/db/schema';
import { currentSignInCode } from '../packages/server/src/modules/activities/rules';
import { crowdOfMembers } from '../packages/server/test/crowd';
import { buildActivity, buildCommittee, buildSector, buildTerm } from '../packages/server/test/factories';
import { as, createTestApp, type Session, type TestContext } from '../packages/server/test/harness';
import { percentiles } from './measure';

const members = 250;
async function timed(
  t: TestContext,
  sessions: Session[],
  request: (s: Session) => { method: 'GET' | 'POST'; url: string; payload?: object },
  spreadMs = 0,
) {
  const times: number[] = [];
  let failures = 0;
  await Promise.all(
    sessions.map(async (session, i) => {
      if (spreadMs) await new Promise((r) => setTimeout(r, (i * spreadMs) / sessions.length));
      const started = performance.now();
      const res = await t.app.inject({ ...request(session), headers: as(session) });
      times.push(performance.now() - started);
      if (res.statusCode !== 200) failures++;
    }),
  );
  return { ...percentiles(times), failures };
}

async function runMode(label: string) {
  const t = await createTestApp();
  try {
    const db = t.database.db;
    const committee = await buildCommittee(db);
    const term = await buildTerm(db, committee.id);
    const sector = await buildSector(db, committee.id);
    const crowd = await crowdOfMembers(db, committee.id, term.id, sector.id, members);
    const meeting = () =>
      buildActivity(
        db,
        committee.id,
        { kind: 'plenary', startsAt: new Date(Date.now() + 5 * 60_000) },
        crowd.memberIds,
      );
    const baseline = await timed(t, crowd.sessions, () => ({ method: 'GET', url: '/api/auth/me' }));
    const signIn = (activity: typeof s.activities.$inferSelect) => () => ({
      method: 'POST' as const,
      url: `/api/activities/${activity.id}/sign-in`,
      payload: { code: currentSignInCode(activity).code },
    });
    const rows = async (activityId: number) =>
      (
        await db
          .select({ id: s.activityInvitations.id })
          .from(s.activityInvitations)
          .where(
            and(
              eq(s.activityInvitations.activityId, activityId),
              isNotNull(s.activityInvitations.signedInAt),
            ),
          )
      ).length;
    const burstMeeting = await meeting();
    const burst = await timed(t, crowd.sessions, signIn(burstMeeting));
    const spreadMeeting = await meeting();
    const spread = await timed(t, crowd.sessions, signIn(spreadMeeting), 5000);
    const line = (name: string, r: { p50: number; p99: number; failures: number }, written?: number) =>
      `  ${name.padEnd(34)} p50 ${r.p50.toFixed(0).padStart(5)} ms  p99 ${r.p99.toFixed(0).padStart(5)} ms  (p99 ${(r.p99 / baseline.p99).toFixed(1)}× baseline)  errors ${r.failures}${written === undefined ? '' : `  rows ${written}/${members}`}`;
    console.log(`${label}:`);
    console.log(line(`baseline: ${members} × GET /api/auth/me at once`, baseline));
    console.log(line(`${members} sign-ins at once`, burst, await rows(burstMeeting.id)));
    console.log(line(`${members} sign-ins over 5 s`, spread, await rows(spreadMeeting.id)));
  } finally {
    await t.close();
  }
}

const url = process.env.DATABASE_URL;
delete process.env.DATABASE_URL;
await runMode('embedded (PGlite)');
if (url) {
  process.env.DATABASE_URL = url;
  await runMode('PostgreSQL');
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, lt, ne, or, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database, Db, DbOrTx } from '../db/client';
import { committees, sessions, users } from '../db/schema';
import { actorOfUser, type Actor } from './actor';
import { AppError } from './errors';
import { preparedPerDatabase } from './prepared';

export const sessionCookieName = 'cppcc_sid';
export const csrfHeaderName = 'x-csrf-token';
export const maxFailedLogins = 5;
export const lockoutMinutes = 15;

export const hashPassword = (password: string) => hash(password);
export const verifyPassword = (passwordHash: string, password: string) =>
  verify(passwordHash, password).catch(() => false);

/**
 * A hash of a random password with the same parameters as real hashes: a login that checks no real
 * password (unknown, disabled or locked account) verifies against it, so it takes as long as one that does.
 */
let decoyHash: Promise<string> | null = null;
export const verifyDecoyPassword = async (password: string) => {
  await verifyPassword(await (decoyHash ??= hash(randomBytes(16).toString('hex'))), password);
};

export type LoginAttempt = { reserved: true; attempt: number } | { reserved: false };

/**
 * Counts a login attempt before its password is checked, in one conditional statement, so that
 * parallel attempts cannot all pass a lock check made before any of them is counted: only an
 * account that is not locked gets an attempt, and the attempt that reaches the limit sets the lock.
 * The slow password check runs afterwards, outside any transaction and without a row lock; a
 * success resets the count (`recordLoginSuccess`), a failure keeps it. An attempt whose check never
 * finishes (the process dies) stays counted, which errs on the side of the lock.
 */
export async function reserveLoginAttempt(db: Db, userId: number): Promise<LoginAttempt> {
  const lockExpired = sql`(${users.lockedUntil} is not null and ${users.lockedUntil} <= now())`;
  const attempt = sql`(case when ${lockExpired} then 1 else ${users.failedLogins} + 1 end)`;
  const [row] = await db
    .update(users)
    .set({
      failedLogins: attempt,
      lockedUntil: sql`case when ${attempt} >= ${maxFailedLogins} then now() + make_interval(mins => ${lockoutMinutes}) else null end`,
    })
    .where(and(eq(users.id, userId), sql`(${users.lockedUntil} is null or ${lockExpired})`))
    .returning({ failedLogins: users.failedLogins });
  return row ? { reserved: true, attempt: row.failedLogins } : { reserved: false };
}

export async function recordLoginSuccess(db: Db, userId: number) {
  await db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() })
    .where(eq(users.id, userId));
}

/** The cookie carries a random token; the database stores only its hash. */
const sessionKey = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, userId: number, req: FastifyRequest) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({
    id: sessionKey(token),
    userId,
    csrfToken,
    ip: req.ip,
    userAgent: req.headers['user-agent']?.slice(0, 200) ?? null,
  });
  return { token, csrfToken };
}

export async function destroySession(db: Db, token: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionKey(token)));
}

export async function destroyUserSessions(db: DbOrTx, userId: number, exceptToken?: string) {
  await db
    .delete(sessions)
    .where(
      and(eq(sessions.userId, userId), exceptToken ? ne(sessions.id, sessionKey(exceptToken)) : undefined),
    );
}

/** The signed-in account as the session lookup read it: enough to answer `GET /api/auth/me` with no query. */
export interface SessionAccount {
  user: typeof users.$inferSelect;
  committee: Pick<typeof committees.$inferSelect, 'id' | 'name' | 'level' | 'settings'>;
}

export interface LoadedSession {
  actor: Actor;
  csrfToken: string;
  mustChangePassword: boolean;
  account: SessionAccount;
}

/**
 * Every signed-in request runs this lookup, so it is prepared once per database handle (lib/prepared.ts)
 * instead of being built anew: `GET /api/auth/me` on PostgreSQL serves about 1.4 times the requests so.
 */
const sessionQueryOf = preparedPerDatabase((db: Db) =>
  db
    .select({
      session: sessions,
      user: users,
      committee: {
        id: committees.id,
        name: committees.name,
        level: committees.level,
        settings: committees.settings,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(committees, eq(committees.id, users.committeeId))
    .where(eq(sessions.id, sql.placeholder('key')))
    .prepare('load_session'),
);

/** When the session lookup last answered, per database handle. */
const lastLookupAt = new WeakMap<Db, number>();
async function lookupSession(db: Db, key: string) {
  try {
    const rows = await sessionQueryOf(db).execute({ key });
    lastLookupAt.set(db, Date.now());
    return rows;
  } catch (error) {
    lastLookupAt.delete(db);
    throw error;
  }
}

/**
 * Whether the session lookup works: the health check takes the path of every signed-in request (a
 * pooled connection and its prepared statement), not a bare `select 1`. When every connection is busy
 * and the lookup of a signed-in request answered within the last `recentMs`, that lookup proves the
 * path already, and the check does not queue behind the traffic (the embedded database has one
 * connection); on a quiet pool it always runs the lookup itself.
 */
export async function probeSessionLookup(
  database: Pick<Database, 'db' | 'pool'>,
  recentMs = 500,
): Promise<void> {
  const { db, pool } = database;
  const last = lastLookupAt.get(db);
  const busy = pool.idleCount === 0 && pool.totalCount >= (pool.options.max ?? 10);
  if (busy && last !== undefined && Date.now() - last < recentMs) return;
  await lookupSession(db, '');
}

export const defaultSessionMaxHours = 12;

/**
 * Loads the session of a cookie token, ending it when it has been idle too long (the committee's
 * `sessionIdleMinutes` setting when it has one, else the deployment default) or when it began more
 * than `maxHours` ago, however active it has been: a stolen cookie stops working within a working day.
 */
export async function loadSession(
  db: Db,
  token: string,
  defaultIdleMinutes: number,
  ip: string,
  maxHours = defaultSessionMaxHours,
): Promise<LoadedSession | 'expired' | null> {
  const key = sessionKey(token);
  const [row] = await lookupSession(db, key);
  if (!row) return null;
  const committeeIdleMinutes = Number(row.committee.settings.sessionIdleMinutes);
  const idleMinutes = Number.isInteger(committeeIdleMinutes) ? committeeIdleMinutes : defaultIdleMinutes;
  const now = Date.now();
  if (
    row.user.disabled ||
    now - row.session.lastSeenAt.getTime() > idleMinutes * 60_000 ||
    now - row.session.createdAt.getTime() > maxHours * 3_600_000
  ) {
    await db.delete(sessions).where(eq(sessions.id, key));
    return 'expired';
  }
  // Touch at most once a minute: idle timeout needs minute precision, not a write per request.
  if (now - row.session.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, key));
  }
  return {
    csrfToken: row.session.csrfToken,
    mustChangePassword: row.user.mustChangePassword,
    actor: actorOfUser(row.user, ip),
    account: { user: row.user, committee: row.committee },
  };
}

export async function purgeIdleSessions(db: Db, idleMinutes: number) {
  await db.delete(sessions).where(lt(sessions.lastSeenAt, new Date(Date.now() - idleMinutes * 60_000)));
}

/**
 * Whether the session cookie gets `Secure`: `auto` follows how the request arrived (`req.protocol`
 * is `https` over TLS, or behind a trusted proxy that says so in `X-Forwarded-Proto`), so the
 * cookie never travels in clear over HTTPS sites while plain-HTTP development keeps working.
 */
export function sessionCookieSecure(req: FastifyRequest, setting: 'auto' | boolean): boolean {
  return setting === 'auto' ? req.protocol === 'https' : setting;
}

export function setSessionCookie(reply: FastifyReply, token: string, setting: 'auto' | boolean) {
  const secure = sessionCookieSecure(reply.request, setting);
  reply.setCookie(sessionCookieName, token, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}

export function clearSessionCookie(reply: FastifyReply) {
  const secure = sessionCookieSecure(reply.request, reply.server.deps.config.secureCookies);
  reply.clearCookie(sessionCookieName, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}

export function checkCsrf(expected: string, given: string | string[] | undefined) {
  const value = Array.isArray(given) ? given[0] : given;
  const a = Buffer.from(expected);
  const b = Buffer.from(value ?? '');
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new AppError('CSRF_FAILED');
}

/**
 * Finds the account for a login name, a username before a mobile phone, in one query whatever the
 * outcome, so that the number of round trips does not tell which kind of name was given.
 */
export async function findLoginUser(db: Db, login: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(or(eq(users.username, login), eq(users.phone, login)))
    .orderBy(sql`${users.username} = ${login} desc`)
    .limit(1);
  return row ?? null;
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db, DbOrTx } from '../db/client';
import { committees, sessions, users } from '../db/schema';
import type { Actor } from './actor';
import { AppError } from './errors';

export const sessionCookieName = 'cppcc_sid';
export const csrfHeaderName = 'x-csrf-token';
export const maxFailedLogins = 5;
export const lockoutMinutes = 15;

export const hashPassword = (password: string) => hash(password);
export const verifyPassword = (passwordHash: string, password: string) =>
  verify(passwordHash, password).catch(() => false);

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

export interface LoadedSession {
  actor: Actor;
  csrfToken: string;
  mustChangePassword: boolean;
}

/**
 * Every signed-in request runs this lookup, so it is prepared once per database handle instead of
 * being built anew: `GET /api/auth/me` on PostgreSQL serves about 1.4 times the requests so.
 */
const sessionQueries = new WeakMap<Db, ReturnType<typeof prepareSessionQuery>>();
const prepareSessionQuery = (db: Db) =>
  db
    .select({
      session: sessions,
      user: users,
      committeeIdleMinutes: sql<number | null>`(${committees.settings}->>'sessionIdleMinutes')::int`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(committees, eq(committees.id, users.committeeId))
    .where(eq(sessions.id, sql.placeholder('key')))
    .prepare('load_session');
function sessionQueryOf(db: Db) {
  let query = sessionQueries.get(db);
  if (!query) {
    query = prepareSessionQuery(db);
    sessionQueries.set(db, query);
  }
  return query;
}

/**
 * Runs the session lookup for a key no session has: the health check takes the path of every
 * signed-in request (a pooled connection and its prepared statement), not a bare `select 1`.
 */
export async function probeSessionLookup(db: Db): Promise<void> {
  await sessionQueryOf(db).execute({ key: '' });
}

/**
 * Loads the session of a cookie token, ending it when it has been idle too long: the committee's
 * `sessionIdleMinutes` setting when it has one, else the deployment default.
 */
export async function loadSession(
  db: Db,
  token: string,
  defaultIdleMinutes: number,
  ip: string,
): Promise<LoadedSession | 'expired' | null> {
  const key = sessionKey(token);
  const [row] = await sessionQueryOf(db).execute({ key });
  if (!row) return null;
  const idleMinutes = row.committeeIdleMinutes ?? defaultIdleMinutes;
  const now = Date.now();
  if (row.user.disabled || now - row.session.lastSeenAt.getTime() > idleMinutes * 60_000) {
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
  const u = row.user;
  return {
    csrfToken: row.session.csrfToken,
    mustChangePassword: u.mustChangePassword,
    actor: {
      userId: u.id,
      committeeId: u.committeeId,
      displayName: u.displayName,
      roles: u.roles,
      memberId: u.memberId,
      staffId: u.staffId,
      unitId: u.unitId,
      ip,
    },
  };
}

export async function purgeIdleSessions(db: Db, idleMinutes: number) {
  await db.delete(sessions).where(lt(sessions.lastSeenAt, new Date(Date.now() - idleMinutes * 60_000)));
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(sessionCookieName, token, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(sessionCookieName, { path: '/' });
}

export function checkCsrf(expected: string, given: string | string[] | undefined) {
  const value = Array.isArray(given) ? given[0] : given;
  const a = Buffer.from(expected);
  const b = Buffer.from(value ?? '');
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new AppError('CSRF_FAILED');
}

/** Finds the account for a login name: username first, then mobile phone. */
export async function findLoginUser(db: Db, login: string) {
  const [byName] = await db.select().from(users).where(eq(users.username, login));
  if (byName) return byName;
  const [byPhone] = await db
    .select()
    .from(users)
    .where(and(eq(users.phone, login)));
  return byPhone ?? null;
}

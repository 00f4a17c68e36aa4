import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { as, createTestApp, signIn, type TestContext, injectAs } from '../../../test/harness';
import { buildCommittee, buildUser, testPassword, signedInUser } from '../../../test/factories';
import { auditLog, sessions, users } from '../../db/schema';
import { loadConfig } from '../../env';
import { loginRefusedMessage } from './service';

let t: TestContext;
let committeeId: number;
beforeAll(async () => {
  // A short absolute session lifetime, so that a test can move a session past it.
  t = await createTestApp({ sessionMaxHours: 2 });
  committeeId = (await buildCommittee(t.database.db)).id;
});
afterAll(() => t.close());

describe('login', () => {
  it('signs in by username or phone and returns the CSRF token and roles', async () => {
    const user = await buildUser(t.database.db, committeeId, ['member'], { phone: '13712345678' });
    const byName = await signIn(t.app, user.username, testPassword);
    const byPhone = await signIn(t.app, '13712345678', testPassword);
    expect(byName.userId).toBe(user.id);
    expect(byPhone.userId).toBe(user.id);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(byName) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      username: user.username,
      roles: ['member'],
      mustChangePassword: false,
    });
  });

  it('sets an HttpOnly SameSite cookie', async () => {
    const user = await buildUser(t.database.db, committeeId, ['member']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: user.username, password: testPassword },
    });
    const cookie = res.cookies.find((c) => c.name === 'cppcc_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
  });

  it('refuses a wrong password with a Chinese message and locks after 5 failures', async () => {
    const user = await buildUser(t.database.db, committeeId, ['member']);
    for (let i = 1; i <= 5; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: user.username, password: 'wrong' },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: loginRefusedMessage });
    }
    const [locked] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(locked!.failedLogins).toBe(5);
    expect(locked!.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    // Even the right password is refused while locked, and not checked.
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: user.username, password: testPassword },
    });
    expect(right.statusCode).toBe(401);
    expect(right.cookies.find((c) => c.name === 'cppcc_sid')).toBeUndefined();
    // After the lock expires the right password works and resets the counter.
    await t.database.db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(users.id, user.id));
    await signIn(t.app, user.username, testPassword);
    const [after] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(after!.failedLogins).toBe(0);
  });

  it('checks at most 5 passwords of a parallel burst, and a right password inside it does not sign in', async () => {
    const user = await buildUser(t.database.db, committeeId, ['member']);
    const attempt = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: user.username, password } });
    // 30 wrong passwords at once, the right one in the middle of them.
    const burst = Array.from({ length: 30 }, (_, i) => `Wrong#Pass${i}`);
    burst.splice(15, 0, testPassword);
    const answers = await Promise.all(burst.map(attempt));
    const rightAnswer = answers[15]!;
    expect(rightAnswer.statusCode).toBe(401);
    expect(rightAnswer.cookies.find((c) => c.name === 'cppcc_sid')).toBeUndefined();
    expect(answers.every((a) => a.statusCode === 401)).toBe(true);
    // Every checked password leaves an audit entry that counts it: no more than five were checked.
    const failures = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.loginFailed'), eq(auditLog.targetId, String(user.id))));
    expect(failures).toHaveLength(31);
    expect(failures.filter((f) => f.summary.startsWith('登录失败（第')).length).toBeLessThanOrEqual(5);
    const [after] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(after!.failedLogins).toBe(5);
    expect(after!.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    // Still locked afterwards, for the right password too.
    expect((await attempt(testPassword)).statusCode).toBe(401);
  });

  it('gives one answer for an unknown account, a disabled one, a wrong password and a lock', async () => {
    const login = (name: string, password = 'Wrong#Pass1') =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: name, password } });
    const known = await buildUser(t.database.db, committeeId, ['member'], { phone: '13612345678' });
    // Earlier failures of the real user must not show in the answer either.
    await login(known.username);
    await login(known.username);
    const disabled = await buildUser(t.database.db, committeeId, ['member'], { disabled: true });
    const locked = await buildUser(t.database.db, committeeId, ['member'], {
      failedLogins: 5,
      lockedUntil: new Date(Date.now() + 600_000),
    });
    const answers = {
      unknown: await login('nobody'),
      unknownPhone: await login('13600000000'),
      wrongPassword: await login(known.username),
      wrongByPhone: await login('13612345678'),
      disabledRightPassword: await login(disabled.username, testPassword),
      lockedRightPassword: await login(locked.username, testPassword),
      lockedWrongPassword: await login(locked.username),
    };
    for (const [kind, res] of Object.entries(answers)) {
      expect(res.statusCode, kind).toBe(401);
      expect(res.json(), kind).toEqual({ code: 'INVALID_CREDENTIALS', message: loginRefusedMessage });
      expect(Object.keys(res.headers).sort(), kind).toEqual(Object.keys(answers.unknown.headers).sort());
      expect(res.cookies, kind).toEqual([]);
    }
    expect(loginRefusedMessage).toMatch(/^用户名或密码错误/);
    expect(loginRefusedMessage).not.toMatch(/还可尝试/);
  });
});

describe('sessions and CSRF', () => {
  it('refuses anonymous requests and writes without the CSRF token', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anon.statusCode).toBe(401);
    const s = await signedInUser(t.app, committeeId, ['member']);
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: s.cookie },
      payload: { currentPassword: testPassword, newPassword: 'New#Pass2025' },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('CSRF_FAILED');
  });

  it('lets a signed-in browser sign in again without a CSRF token (login acts on no session)', async () => {
    const { user, ...s } = await signedInUser(t.app, committeeId, ['member']);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: s.cookie },
      payload: { login: user.username, password: testPassword },
    });
    expect(again.statusCode).toBe(200);
  });

  it('ends a session idle longer than the timeout', async () => {
    const { user, ...s } = await signedInUser(t.app, committeeId, ['member']);
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(sessions.userId, user.id));
    // A page asset fetched first must not swallow the reason the user is signed out.
    await t.app.inject({ method: 'GET', url: '/assets/index.js', headers: as(s) });
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(s) });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  it('uses the committee’s own idle timeout when it sets one', async () => {
    const strict = await buildCommittee(t.database.db, { settings: { sessionIdleMinutes: 5 } });
    const { user, ...s } = await signedInUser(t.app, strict.id, ['member']);
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 4 * 60_000) })
      .where(eq(sessions.userId, user.id));
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(s) })).statusCode).toBe(200);
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 6 * 60_000) })
      .where(eq(sessions.userId, user.id));
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(s) });
    expect(res.json().code).toBe('SESSION_EXPIRED');
  });

  it('ends a session at its absolute lifetime after sign-in, however active it has been', async () => {
    const { user, ...s } = await signedInUser(t.app, committeeId, ['member']);
    const signedInAgo = (minutes: number) =>
      t.database.db
        .update(sessions)
        .set({ createdAt: new Date(Date.now() - minutes * 60_000), lastSeenAt: new Date() })
        .where(eq(sessions.userId, user.id));
    await signedInAgo(119);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(s) })).statusCode).toBe(200);
    await signedInAgo(121);
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(s) });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  it('reads the absolute session lifetime from SESSION_MAX_HOURS: 12 hours unless set, 1 to 720', () => {
    expect(loadConfig({}).sessionMaxHours).toBe(12);
    expect(loadConfig({ SESSION_MAX_HOURS: '720' }).sessionMaxHours).toBe(720);
    expect(() => loadConfig({ SESSION_MAX_HOURS: '0' })).toThrow(/SESSION_MAX_HOURS/);
    expect(() => loadConfig({ SESSION_MAX_HOURS: '721' })).toThrow(/SESSION_MAX_HOURS/);
  });

  it('logout ends the session', async () => {
    const s = await signedInUser(t.app, committeeId, ['member']);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: as(s) })).statusCode).toBe(
      204,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(s) })).statusCode).toBe(401);
  });
});

describe('forced password change', () => {
  it('blocks other routes until the password is changed, and enforces the policy', async () => {
    const { user, ...s } = await signedInUser(t.app, committeeId, ['member'], { mustChangePassword: true });
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(s) });
    expect(me.json().mustChangePassword).toBe(true);
    const weak = await injectAs(t, s, 'POST', '/api/auth/password', {
      currentPassword: testPassword,
      newPassword: 'abcdefgh',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details.fields[0]).toMatchObject({ path: 'body.newPassword' });
    expect(weak.json().message).toContain('至少三类');
    const ok = await injectAs(t, s, 'POST', '/api/auth/password', {
      currentPassword: testPassword,
      newPassword: 'Better#Pass1',
    });
    expect(ok.statusCode).toBe(204);
    await signIn(t.app, user.username, 'Better#Pass1');
  });

  it('refuses a new password that contains the username or is a common one', async () => {
    const user = await buildUser(t.database.db, committeeId, ['member'], {
      username: `Wang.Li${Date.now() % 1000}`,
    });
    const s = await signIn(t.app, user.username, testPassword);
    const change = (newPassword: string) =>
      injectAs(t, s, 'POST', '/api/auth/password', { currentPassword: testPassword, newPassword });
    const withName = await change(`#${user.username.toUpperCase()}x9`);
    expect(withName.statusCode).toBe(400);
    expect(withName.json().details.fields).toEqual([
      { path: 'body.newPassword', message: '密码不能包含用户名' },
    ]);
    for (const common of ['Password1', 'aaaaaaaaA1', 'Admin@123', 'P@ssw0rd']) {
      const res = await change(common);
      expect(res.statusCode, common).toBe(400);
      expect(res.json().details.fields[0], common).toMatchObject({ path: 'body.newPassword' });
      expect(res.json().message, common).toContain('常见');
    }
    await signIn(t.app, user.username, testPassword);
  });

  it('ends the user’s other sessions when the password changes, keeping the current one', async () => {
    const user = await buildUser(t.database.db, committeeId, ['member']);
    const laptop = await signIn(t.app, user.username, testPassword);
    const phone = await signIn(t.app, user.username, testPassword);
    const res = await injectAs(t, laptop, 'POST', '/api/auth/password', {
      currentPassword: testPassword,
      newPassword: 'Other#Pass22',
    });
    expect(res.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(laptop) })).statusCode).toBe(
      200,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(phone) })).statusCode).toBe(
      401,
    );
  });
});

describe('bad input', () => {
  it('answers malformed JSON, unknown fields, wrong types and oversize bodies with 400/413 and a code', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"login":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'BAD_REQUEST' });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'a', password: 'b', admin: true },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('VALIDATION_FAILED');
    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 5, password: 'b' },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().details.fields[0].path).toBe('body.login');
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'a', password: 'x'.repeat(1_100_000) },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('PAYLOAD_TOO_LARGE');
    for (const res of [malformed, unknown, wrongType, huge]) expect(res.body).not.toMatch(/at .*\.ts/);
  });

  it('health reports the database mode', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({
      status: 'ok',
      database: process.env.DATABASE_URL ? 'postgres' : 'embedded',
    });
  });
});

describe('the session probe', () => {
  it('answers a visitor with no user and no error, and a signed-in user as /api/auth/me does', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(anon.statusCode).toBe(200);
    expect(anon.json()).toEqual({ user: null });

    const s = await signedInUser(t.app, committeeId, ['member']);
    const probe = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: as(s) });
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(s) });
    expect(probe.statusCode).toBe(200);
    expect(probe.json()).toEqual({ user: me.json() });
    expect(probe.json().user.csrfToken).toBe(s.csrfToken);
  });

  it('names a user held on the password change, and none for an ended session', async () => {
    const held = await signedInUser(t.app, committeeId, ['member'], { mustChangePassword: true });
    const probe = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: as(held) });
    expect(probe.json().user).toMatchObject({ id: held.user.id, mustChangePassword: true });

    const { user, ...idle } = await signedInUser(t.app, committeeId, ['member']);
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(sessions.userId, user.id));
    const ended = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: as(idle) });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toEqual({ user: null });
    expect(ended.cookies.find((c) => c.name === 'cppcc_sid')?.value).toBe('');
  });
});

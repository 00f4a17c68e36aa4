import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { passwordProblem } from '@cppcc/shared';
import type { Db } from '../../db/client';
import { committees, users } from '../../db/schema';
import { actorOfUser, type Actor } from '../../lib/actor';
import { writeAudit } from '../../lib/audit';
import { collectionAbilities } from '../../lib/policy';
import { mergeSettings } from '../../lib/settings';
import {
  createSession,
  destroyUserSessions,
  findLoginUser,
  hashPassword,
  lockoutMinutes,
  maxFailedLogins,
  recordLoginSuccess,
  reserveLoginAttempt,
  verifyDecoyPassword,
  verifyPassword,
  type SessionAccount,
} from '../../lib/auth';
import { AppError } from '../../lib/errors';

export async function presentCurrentUser(db: Db, userId: number, csrfToken: string) {
  const [row] = await db
    .select({ user: users, committee: committees })
    .from(users)
    .innerJoin(committees, eq(committees.id, users.committeeId))
    .where(eq(users.id, userId));
  if (!row) throw new AppError('UNAUTHENTICATED');
  return currentUserOf(row, csrfToken);
}

/** The current user's answer from the account the session lookup already read. */
export function currentUserOf({ user, committee }: SessionAccount, csrfToken: string) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    committee: {
      id: committee.id,
      name: committee.name,
      level: committee.level,
      timeZone: mergeSettings(committee.settings).timeZone,
    },
    memberId: user.memberId,
    unitId: user.unitId,
    mustChangePassword: user.mustChangePassword,
    csrfToken,
    /** Which pages, menus and create buttons are open to this user; the server still checks each request. */
    abilities: collectionAbilities(actorOfUser(user, null)),
  };
}

/**
 * The one answer to every refused login — unknown name, disabled account, wrong password, locked
 * account — so that the answer does not tell which accounts exist (see docs/decisions.md).
 */
export const loginRefusedMessage = `用户名或密码错误；连续输错 ${maxFailedLogins} 次后账号将锁定，需 ${lockoutMinutes} 分钟后再试或请安全管理员解锁`;
const refused = () => new AppError('INVALID_CREDENTIALS', loginRefusedMessage);

/** A refused login of a known account, in its committee's audit log. */
const auditFailedLogin = (db: Db, user: { id: number; committeeId: number }, summary: string) =>
  writeAudit(
    db,
    null,
    { action: 'auth.loginFailed', targetType: 'user', targetId: user.id, summary },
    user.committeeId,
  );

/** Checks the password, counts failures, locks after too many, and opens a session. */
export async function signIn(db: Db, req: FastifyRequest, login: string, password: string) {
  const user = await findLoginUser(db, login);
  if (!user || user.disabled) {
    // Same work as a real attempt, so a missing account cannot be told apart by timing: the same
    // statement on an id no account has (serial ids start at 1), then a password check.
    await reserveLoginAttempt(db, 0);
    await verifyDecoyPassword(password);
    await writeAudit(db, null, { action: 'auth.loginFailed', summary: `登录失败：${login.slice(0, 50)}` });
    throw refused();
  }
  const attempt = await reserveLoginAttempt(db, user.id);
  if (!attempt.reserved) {
    // Locked: the password is not checked, but the answer takes as long as a check.
    await verifyDecoyPassword(password);
    await auditFailedLogin(db, user, '登录失败（账号已锁定，未校验密码）');
    throw refused();
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const locksNow = attempt.attempt >= maxFailedLogins;
    await auditFailedLogin(
      db,
      user,
      locksNow
        ? `登录失败（第 ${attempt.attempt} 次，账号锁定 ${lockoutMinutes} 分钟）`
        : `登录失败（第 ${attempt.attempt} 次）`,
    );
    throw refused();
  }
  await recordLoginSuccess(db, user.id);
  const { token, csrfToken } = await createSession(db, user.id, req);
  await writeAudit(db, actorOfUser(user, req.ip), {
    action: 'auth.login',
    targetType: 'user',
    targetId: user.id,
    summary: '登录成功',
  });
  return { token, user: await presentCurrentUser(db, user.id, csrfToken) };
}

/** Changes the password; the user's other sessions end, the one making the change stays signed in. */
export async function changePassword(
  db: Db,
  actor: Actor,
  currentToken: string,
  currentPassword: string,
  newPassword: string,
) {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError('VALIDATION_FAILED', '当前密码不正确', {
      fields: [{ path: 'body.currentPassword', message: '当前密码不正确' }],
    });
  }
  // The body schema applies the rest of the policy; only here is the username known.
  const problem = passwordProblem(newPassword, { username: user.username });
  if (problem) {
    throw new AppError('VALIDATION_FAILED', problem, {
      fields: [{ path: 'body.newPassword', message: problem }],
    });
  }
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, actor.userId));
    await destroyUserSessions(tx, actor.userId, currentToken);
    await writeAudit(tx, actor, {
      action: 'auth.passwordChanged',
      targetType: 'user',
      targetId: actor.userId,
      summary: '修改密码',
    });
  });
}

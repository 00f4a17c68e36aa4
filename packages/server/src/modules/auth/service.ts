import { eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import { committees, users } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { writeAudit } from '../../lib/audit';
import {
  createSession,
  destroyUserSessions,
  findLoginUser,
  hashPassword,
  lockoutMinutes,
  maxFailedLogins,
  verifyPassword,
} from '../../lib/auth';
import { AppError } from '../../lib/errors';

export async function presentCurrentUser(db: Db, userId: number, csrfToken: string) {
  const [row] = await db
    .select({ user: users, committee: committees })
    .from(users)
    .innerJoin(committees, eq(committees.id, users.committeeId))
    .where(eq(users.id, userId));
  if (!row) throw new AppError('UNAUTHENTICATED');
  const { user, committee } = row;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    committee: { id: committee.id, name: committee.name, level: committee.level },
    memberId: user.memberId,
    unitId: user.unitId,
    mustChangePassword: user.mustChangePassword,
    csrfToken,
  };
}

/** Checks the password, counts failures, locks after too many, and opens a session. */
export async function signIn(db: Db, req: FastifyRequest, login: string, password: string) {
  const user = await findLoginUser(db, login);
  const now = new Date();
  if (!user || user.disabled) {
    // Same work as a real check, so a missing account cannot be told apart by timing.
    await verifyPassword(
      '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0000000000000000000000000000000000000000000',
      password,
    );
    await writeAudit(db, null, { action: 'auth.loginFailed', summary: `登录失败：${login.slice(0, 50)}` });
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000);
    throw new AppError('ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`);
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    // Counting in SQL keeps parallel failures from losing increments.
    const [updated] = await db
      .update(users)
      .set({
        failedLogins: sql`case when ${users.lockedUntil} is not null and ${users.lockedUntil} <= now() then 1 else ${users.failedLogins} + 1 end`,
        lockedUntil: sql`case when (case when ${users.lockedUntil} is not null and ${users.lockedUntil} <= now() then 1 else ${users.failedLogins} + 1 end) >= ${maxFailedLogins} then now() + make_interval(mins => ${lockoutMinutes}) else null end`,
      })
      .where(eq(users.id, user.id))
      .returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil });
    await writeAudit(
      db,
      null,
      {
        action: 'auth.loginFailed',
        targetType: 'user',
        targetId: user.id,
        summary: `登录失败（第 ${updated?.failedLogins} 次）`,
      },
      user.committeeId,
    );
    if (updated?.lockedUntil) {
      throw new AppError(
        'ACCOUNT_LOCKED',
        `连续 ${maxFailedLogins} 次登录失败，账号已锁定 ${lockoutMinutes} 分钟`,
      );
    }
    const left = maxFailedLogins - (updated?.failedLogins ?? 0);
    throw new AppError('INVALID_CREDENTIALS', `用户名或密码错误，还可尝试 ${left} 次`);
  }
  await db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
    .where(eq(users.id, user.id));
  const { token, csrfToken } = await createSession(db, user.id, req);
  const actor: Actor = {
    userId: user.id,
    committeeId: user.committeeId,
    displayName: user.displayName,
    roles: user.roles,
    memberId: user.memberId,
    staffId: user.staffId,
    unitId: user.unitId,
    ip: req.ip,
  };
  await writeAudit(db, actor, {
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

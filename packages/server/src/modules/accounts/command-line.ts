import { eq, sql } from 'drizzle-orm';
import { roleLabels, separatedAdminRoles, usernamePattern, type Role } from '@cppcc/shared';
import type { Db } from '../../db/client';
import { committees, users } from '../../db/schema';
import { writeAudit } from '../../lib/audit';
import { destroyUserSessions, hashPassword } from '../../lib/auth';
import { AppError } from '../../lib/errors';
import { notifyUsers } from '../../lib/notify';
import { generateInitialPassword } from './service';

/**
 * The server's command line (`npm run admin`): first set-up and recovery of administrator accounts
 * by whoever operates the server, outside the web's two-administrator rule. Every step is audited
 * with no actor and "命令行" in its summary, and the account is notified.
 */

async function accountByUsername(db: Db, username: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`);
  if (!user) throw new AppError('NOT_FOUND', `账号 ${username} 不存在`);
  return user;
}

/** A new one-time password, the lock cleared and every session ended. */
export async function resetPasswordFromCommandLine(db: Db, username: string) {
  const user = await accountByUsername(db, username);
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null })
      .where(eq(users.id, user.id));
    await destroyUserSessions(tx, user.id);
    await writeAudit(
      tx,
      null,
      {
        action: 'account.resetPassword',
        targetType: 'user',
        targetId: user.id,
        summary: `命令行：重置账号 ${user.username} 的密码，解除锁定并结束其全部登录会话`,
      },
      user.committeeId,
    );
    await notifyUsers(tx, user.committeeId, [user.id], {
      kind: 'account.adminChangeApproved',
      title: '您的密码已在服务器命令行重置',
      body: '如非您本人知情，请立即联系安全审计员。',
    });
  });
  return { user, initialPassword };
}

export async function enableFromCommandLine(db: Db, username: string) {
  const user = await accountByUsername(db, username);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ disabled: false }).where(eq(users.id, user.id));
    await writeAudit(
      tx,
      null,
      {
        action: 'account.enable',
        targetType: 'user',
        targetId: user.id,
        summary: `命令行：启用账号 ${user.username}`,
        changes: { disabled: [user.disabled, false] },
      },
      user.committeeId,
    );
  });
  return user;
}

/** An administrator account for a committee (the only one, or the one named). */
export async function createAdminFromCommandLine(
  db: Db,
  input: { username: string; displayName: string; role: string; committeeId?: number },
) {
  if (!separatedAdminRoles.includes(input.role as Role))
    throw new AppError('BAD_REQUEST', `角色应为 ${separatedAdminRoles.join('、')} 之一`);
  if (!usernamePattern.test(input.username))
    throw new AppError('BAD_REQUEST', '用户名以字母开头，3–32 位字母、数字、点、下划线或连字符');
  const found = await db
    .select({ id: committees.id })
    .from(committees)
    .where(input.committeeId ? eq(committees.id, input.committeeId) : undefined);
  if (found.length !== 1)
    throw new AppError(
      'BAD_REQUEST',
      found.length === 0 ? '委员会不存在' : '有多个委员会，请用 --committee <编号> 指定',
    );
  const committeeId = found[0]!.id;
  const [taken] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${input.username})`);
  if (taken) throw new AppError('DUPLICATE', '用户名已被使用');
  const role = input.role as Role;
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  const user = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        committeeId,
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        roles: [role],
        mustChangePassword: true,
      })
      .returning();
    await writeAudit(
      tx,
      null,
      {
        action: 'account.create',
        targetType: 'user',
        targetId: row!.id,
        summary: `命令行：创建账号 ${input.username}（${input.displayName}），角色：${roleLabels[role]}`,
        changes: { username: input.username, displayName: input.displayName, roles: [role] },
      },
      committeeId,
    );
    return row!;
  });
  return { user, initialPassword };
}

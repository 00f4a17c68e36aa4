import { randomInt } from 'node:crypto';
import { and, count, eq, gt, ilike, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import {
  passwordProblem,
  roleLabels,
  type AccountDto,
  type CreateAccountInput,
  type InitialPasswordDto,
  type PendingApprovalDto,
  type ListAccountsQuery,
  type Role,
  type UpdateAccountInput,
} from '@cppcc/shared';
import type { Db, DbOrTx } from '../../db/client';
import { members, staff, units, users } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { diffFields, writeAudit } from '../../lib/audit';
import { destroyUserSessions, hashPassword } from '../../lib/auth';
import { AppError, conflict, invalidField, notFound } from '../../lib/errors';
import { likePattern, orderBy, pageOffset, toPage } from '../../lib/list';
import { authorize, presentPolicies } from '../../lib/policy';
import { grantsAdministrator } from '../../policies/account';
import { requestApproval } from './approvals';

const accountSelection = {
  user: users,
  memberName: members.name,
  unitName: units.name,
  staffName: staff.name,
};
type AccountRow = {
  user: typeof users.$inferSelect;
  memberName: string | null;
  unitName: string | null;
  staffName: string | null;
};

function selectAccounts(db: DbOrTx) {
  return db
    .select(accountSelection)
    .from(users)
    .leftJoin(members, eq(members.id, users.memberId))
    .leftJoin(units, eq(units.id, users.unitId))
    .leftJoin(staff, eq(staff.id, users.staffId));
}

export function presentAccount(actor: Actor, row: AccountRow, now = new Date()): AccountDto {
  const u = row.user;
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    phone: u.phone,
    roles: u.roles,
    memberId: u.memberId,
    memberName: row.memberName,
    unitId: u.unitId,
    unitName: row.unitName,
    staffId: u.staffId,
    staffName: row.staffName,
    disabled: u.disabled,
    locked: u.lockedUntil !== null && u.lockedUntil > now,
    lockedUntil: u.lockedUntil && u.lockedUntil > now ? u.lockedUntil.toISOString() : null,
    failedLogins: u.failedLogins,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    policies: presentPolicies(actor, 'account', u),
  };
}

export async function listAccounts(db: Db, actor: Actor, query: ListAccountsQuery) {
  const conditions: SQL[] = [eq(users.committeeId, actor.committeeId)];
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(
      or(ilike(users.username, pattern), ilike(users.displayName, pattern), ilike(users.phone, pattern))!,
    );
  }
  if (query.role) conditions.push(sql`${query.role} = any(${users.roles})`);
  if (query.disabled !== undefined) conditions.push(eq(users.disabled, query.disabled));
  if (query.locked === true) conditions.push(gt(users.lockedUntil, sql`now()`));
  if (query.locked === false)
    conditions.push(or(isNull(users.lockedUntil), lte(users.lockedUntil, sql`now()`))!);
  const where = and(...conditions);
  const order = orderBy(
    query,
    {
      username: users.username,
      displayName: users.displayName,
      createdAt: users.createdAt,
      lastLoginAt: users.lastLoginAt,
    },
    users.id,
  );
  const rows = await selectAccounts(db)
    .where(where)
    .orderBy(order, users.id)
    .limit(query.pageSize)
    .offset(pageOffset(query));
  const [total] = await db.select({ n: count() }).from(users).where(where);
  return toPage(
    rows.map((r) => presentAccount(actor, r)),
    total?.n ?? 0,
    query,
  );
}

/** One account of the actor's committee; other committees' ids are reported as not found. */
export async function findAccount(db: DbOrTx, actor: Actor, id: number): Promise<AccountRow> {
  const [row] = await selectAccounts(db).where(
    and(eq(users.id, id), eq(users.committeeId, actor.committeeId)),
  );
  if (!row) throw notFound('账号');
  return row;
}

/** An initial password that satisfies the policy: 12 characters from all four classes, no look-alikes. */
export function generateInitialPassword(): string {
  const classes = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#%+=@!?'];
  const all = classes.join('');
  const chars = classes.map((set) => set[randomInt(set.length)]!);
  while (chars.length < 12) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  const password = chars.join('');
  if (passwordProblem(password)) throw new Error('generated password violates the policy');
  return password;
}

interface Links {
  roles: Role[];
  memberId: number | null;
  unitId: number | null;
  staffId: number | null;
}

/** A linked record must be one of the actor's committee. */
async function checkLink(
  db: DbOrTx,
  table: typeof members | typeof units | typeof staff,
  id: number,
  actor: Actor,
  path: string,
  message: string,
) {
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, id), eq(table.committeeId, actor.committeeId)));
  if (!row) throw invalidField(path, message);
}

/** Role requirements and link checks: links must be records of the actor's committee. */
async function checkRolesAndLinks(db: DbOrTx, actor: Actor, links: Links, accountId: number | null) {
  const needsUnit = links.roles.filter((r) => r === 'unitHandler' || r === 'unitHead');
  if (needsUnit.length > 0 && links.unitId === null) {
    throw invalidField('body.unitId', `${needsUnit.map((r) => roleLabels[r]).join('、')}账号须关联承办单位`);
  }
  if (links.roles.includes('member') && links.memberId === null) {
    throw invalidField('body.memberId', '委员账号须关联委员档案');
  }
  if (links.memberId !== null) {
    await checkLink(db, members, links.memberId, actor, 'body.memberId', '关联的委员不存在');
    const [taken] = await db
      .select({ username: users.username })
      .from(users)
      .where(
        and(
          eq(users.memberId, links.memberId),
          eq(users.committeeId, actor.committeeId),
          accountId === null ? undefined : ne(users.id, accountId),
        ),
      );
    if (taken) throw invalidField('body.memberId', `该委员已有账号（${taken.username}）`);
  }
  if (links.unitId !== null) {
    await checkLink(db, units, links.unitId, actor, 'body.unitId', '关联的承办单位不存在');
  }
  if (links.staffId !== null) {
    await checkLink(db, staff, links.staffId, actor, 'body.staffId', '关联的机关干部不存在');
  }
}

async function checkUnique(
  db: DbOrTx,
  username: string | null,
  phone: string | null | undefined,
  accountId: number | null,
) {
  if (username !== null) {
    // Case-insensitive, so that `Zhang` and `zhang` cannot be two people.
    const [taken] = await db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = lower(${username})`);
    if (taken)
      throw new AppError('DUPLICATE', '用户名已被使用', {
        fields: [{ path: 'body.username', message: '用户名已被使用' }],
      });
  }
  if (phone) {
    const [taken] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.phone, phone), accountId === null ? undefined : ne(users.id, accountId)));
    if (taken) {
      throw new AppError('DUPLICATE', '该手机号已被其他账号使用', {
        fields: [{ path: 'body.phone', message: '该手机号已被其他账号使用' }],
      });
    }
  }
}

/**
 * Who asked for and who approved a change that needed a second administrator; written into the
 * change's audit entry so the log shows both people.
 */
export interface Attribution {
  approvalId: number;
  requester: { id: number; name: string };
  approver: { id: number; name: string };
}
const attributed = (summary: string, by?: Attribution) =>
  by ? `${summary}（申请人：${by.requester.name}，批准人：${by.approver.name}）` : summary;
const attributionChanges = (by?: Attribution) =>
  by ? { approval: { id: by.approvalId, requestedBy: by.requester, approvedBy: by.approver } } : {};

const linksOf = (input: CreateAccountInput): Links => ({
  roles: input.roles,
  memberId: input.memberId ?? null,
  unitId: input.unitId ?? null,
  staffId: input.staffId ?? null,
});

/** Inserts a validated account with a one-time password; the caller holds the transaction. */
export async function insertAccount(
  tx: DbOrTx,
  actor: Actor,
  input: CreateAccountInput,
  passwordHash: string,
  by?: Attribution,
) {
  const links = linksOf(input);
  await checkUnique(tx, input.username, input.phone, null);
  await checkRolesAndLinks(tx, actor, links, null);
  const [row] = await tx
    .insert(users)
    .values({
      committeeId: actor.committeeId,
      username: input.username,
      displayName: input.displayName,
      phone: input.phone ?? null,
      passwordHash,
      ...links,
      mustChangePassword: true,
    })
    .returning({ id: users.id });
  await writeAudit(tx, actor, {
    action: 'account.create',
    targetType: 'user',
    targetId: row!.id,
    summary: attributed(
      `创建账号 ${input.username}（${input.displayName}），角色：${input.roles.map((r) => roleLabels[r]).join('、')}`,
      by,
    ),
    changes: {
      username: input.username,
      displayName: input.displayName,
      phone: input.phone ?? null,
      ...links,
      ...attributionChanges(by),
    },
  });
  return row!.id;
}

const rolesText = (roles: Role[]) => roles.map((r) => roleLabels[r]).join('、');

/** Creates an account, or, for an administrator account, asks a second administrator to approve it. */
export async function createAccount(
  db: Db,
  actor: Actor,
  input: CreateAccountInput,
): Promise<InitialPasswordDto | PendingApprovalDto> {
  if (grantsAdministrator(null, { roles: input.roles, disabled: false })) {
    return db.transaction(async (tx) => {
      await checkUnique(tx, input.username, input.phone, null);
      await checkRolesAndLinks(tx, actor, linksOf(input), null);
      return requestApproval(tx, actor, {
        kind: 'create',
        targetUserId: null,
        payload: input,
        summary: `创建账号 ${input.username}（${input.displayName}），角色：${rolesText(input.roles)}`,
      });
    });
  }
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  const id = await db.transaction((tx) => insertAccount(tx, actor, input, passwordHash));
  return { account: presentAccount(actor, await findAccount(db, actor, id)), initialPassword };
}

/**
 * Applies a validated update. Without `by` the actor's own abilities are checked; with it the
 * change was requested by a security administrator and approved by `actor`.
 */
export async function applyAccountUpdate(
  tx: DbOrTx,
  actor: Actor,
  id: number,
  input: UpdateAccountInput,
  by?: Attribution,
): Promise<PendingApprovalDto | null> {
  const { user } = await findAccount(tx, actor, id);
  if (!by) {
    authorize(actor, 'update', 'account', user);
    const rolesChange =
      input.roles !== undefined &&
      JSON.stringify([...input.roles].sort()) !== JSON.stringify([...user.roles].sort());
    if (rolesChange) authorize(actor, 'changeRoles', 'account', user);
    if (input.disabled === true && !user.disabled) authorize(actor, 'disable', 'account', user);
  }
  const links: Links = {
    roles: input.roles ?? user.roles,
    memberId: input.memberId === undefined ? user.memberId : input.memberId,
    unitId: input.unitId === undefined ? user.unitId : input.unitId,
    staffId: input.staffId === undefined ? user.staffId : input.staffId,
  };
  await checkUnique(tx, null, input.phone, id);
  await checkRolesAndLinks(tx, actor, links, id);
  const next = {
    displayName: input.displayName ?? user.displayName,
    phone: input.phone === undefined ? user.phone : input.phone,
    disabled: input.disabled ?? user.disabled,
    ...links,
  };
  const changes = diffFields(user as unknown as Record<string, unknown>, next);
  if (Object.keys(changes).length === 0) return null;
  if (!by && grantsAdministrator(user, next)) {
    const parts = [
      ...(next.roles.join() !== user.roles.join() ? [`角色改为 ${rolesText(next.roles)}`] : []),
      ...(user.disabled && !next.disabled ? ['启用'] : []),
    ];
    return requestApproval(tx, actor, {
      kind: 'update',
      targetUserId: id,
      payload: input,
      summary: `账号 ${user.username}（${user.displayName}）：${parts.join('，') || Object.keys(changes).map(fieldLabel).join('、')}`,
    });
  }
  await tx
    .update(users)
    .set(next)
    .where(and(eq(users.id, id), eq(users.committeeId, actor.committeeId)));
  // A disabled account loses its sessions at once rather than at its next request.
  if (next.disabled && !user.disabled) await destroyUserSessions(tx, id);
  await writeAudit(tx, actor, {
    action:
      next.disabled !== user.disabled
        ? next.disabled
          ? 'account.disable'
          : 'account.enable'
        : 'account.update',
    targetType: 'user',
    targetId: id,
    summary: attributed(`修改账号 ${user.username}：${Object.keys(changes).map(fieldLabel).join('、')}`, by),
    changes: { ...changes, ...attributionChanges(by) },
  });
  return null;
}

export async function updateAccount(
  db: Db,
  actor: Actor,
  id: number,
  input: UpdateAccountInput,
): Promise<AccountDto | PendingApprovalDto> {
  const pending = await db.transaction((tx) => applyAccountUpdate(tx, actor, id, input));
  return pending ?? presentAccount(actor, await findAccount(db, actor, id));
}

const fieldLabels: Record<string, string> = {
  displayName: '姓名',
  phone: '手机号',
  roles: '角色',
  memberId: '关联委员',
  unitId: '关联承办单位',
  staffId: '关联机关干部',
  disabled: '停用状态',
};
const fieldLabel = (key: string) => fieldLabels[key] ?? key;

/** Sets a new one-time password, clears the lock and ends the account's sessions. */
export async function applyPasswordReset(
  tx: DbOrTx,
  actor: Actor,
  user: typeof users.$inferSelect,
  passwordHash: string,
  by?: Attribution,
) {
  await tx
    .update(users)
    .set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null })
    .where(and(eq(users.id, user.id), eq(users.committeeId, actor.committeeId)));
  await destroyUserSessions(tx, user.id);
  await writeAudit(tx, actor, {
    action: 'account.resetPassword',
    targetType: 'user',
    targetId: user.id,
    summary: attributed(`重置账号 ${user.username} 的密码，并结束其全部登录会话`, by),
    ...(by ? { changes: attributionChanges(by) } : {}),
  });
}

const resetGrantsAdministrator = (user: typeof users.$inferSelect) =>
  grantsAdministrator(user, { roles: user.roles, disabled: user.disabled, passwordReset: true });

/** Resets a password; an administrator's password only with a second administrator's approval. */
export async function resetAccountPassword(
  db: Db,
  actor: Actor,
  id: number,
): Promise<InitialPasswordDto | PendingApprovalDto> {
  const { user: seen } = await findAccount(db, actor, id);
  authorize(actor, 'resetPassword', 'account', seen);
  if (resetGrantsAdministrator(seen)) {
    return db.transaction(async (tx) => {
      const { user } = await findAccount(tx, actor, id);
      return requestApproval(tx, actor, {
        kind: 'resetPassword',
        targetUserId: id,
        payload: null,
        summary: `重置账号 ${user.username}（${user.displayName}，${rolesText(user.roles)}）的密码`,
      });
    });
  }
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  await db.transaction(async (tx) => {
    const { user } = await findAccount(tx, actor, id);
    authorize(actor, 'resetPassword', 'account', user);
    // The roles may have changed since the read above: an administrator's reset is never direct.
    if (resetGrantsAdministrator(user)) throw conflict('该账号刚被授予管理员角色，请重新操作');
    await applyPasswordReset(tx, actor, user, passwordHash);
  });
  return { account: presentAccount(actor, await findAccount(db, actor, id)), initialPassword };
}

export async function unlockAccount(db: Db, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const { user } = await findAccount(tx, actor, id);
    authorize(actor, 'unlock', 'account', user);
    await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null })
      .where(and(eq(users.id, id), eq(users.committeeId, actor.committeeId)));
    await writeAudit(tx, actor, {
      action: 'account.unlock',
      targetType: 'user',
      targetId: id,
      summary: `解除账号 ${user.username} 的登录锁定`,
      changes: { failedLogins: [user.failedLogins, 0], lockedUntil: [user.lockedUntil, null] },
    });
  });
  return presentAccount(actor, await findAccount(db, actor, id));
}

/** Accounts currently locked by failed sign-ins, for the security administrator's home card. */
export async function countLockedAccounts(db: DbOrTx, committeeId: number) {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.committeeId, committeeId), gt(users.lockedUntil, sql`now()`)));
  return row?.n ?? 0;
}

import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  accountApprovalKindLabels,
  accountApprovalStatusLabels,
  separatedAdminRoles,
  type AccountApprovalDto,
  type AccountApprovalKind,
  type AccountApprovalStatus,
  type ApprovalDecisionDto,
  type CreateAccountInput,
  type PendingApprovalDto,
  type UpdateAccountInput,
} from '@cppcc/shared';
import type { Db, DbOrTx } from '../../db/client';
import { accountApprovals, users } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { writeAudit } from '../../lib/audit';
import { hashPassword } from '../../lib/auth';
import { conflict, forbidden, notFound } from '../../lib/errors';
import { notifyUsers } from '../../lib/notify';
import { can, presentPolicies } from '../../lib/policy';
import {
  applyAccountUpdate,
  applyPasswordReset,
  findAccount,
  generateInitialPassword,
  insertAccount,
  presentAccount,
  type Attribution,
} from './service';

type ApprovalRow = typeof accountApprovals.$inferSelect;
const requester = alias(users, 'requester');
const decider = alias(users, 'decider');
const approvalsLink = '/account-approvals';

function selectApprovals(db: DbOrTx) {
  return db
    .select({
      a: accountApprovals,
      requestedByName: requester.displayName,
      decidedByName: decider.displayName,
    })
    .from(accountApprovals)
    .innerJoin(requester, eq(requester.id, accountApprovals.requestedBy))
    .leftJoin(decider, eq(decider.id, accountApprovals.decidedBy));
}

function presentApproval(
  actor: Actor,
  r: { a: ApprovalRow; requestedByName: string; decidedByName: string | null },
): AccountApprovalDto {
  const kind = r.a.kind as AccountApprovalKind;
  const status = r.a.status as AccountApprovalStatus;
  return {
    id: r.a.id,
    kind,
    kindLabel: accountApprovalKindLabels[kind],
    status,
    statusLabel: accountApprovalStatusLabels[status],
    summary: r.a.summary,
    targetUserId: r.a.targetUserId,
    requestedById: r.a.requestedBy,
    requestedByName: r.requestedByName,
    requestedAt: r.a.requestedAt.toISOString(),
    decidedByName: r.decidedByName,
    decidedAt: r.a.decidedAt?.toISOString() ?? null,
    decisionNote: r.a.decisionNote,
    policies: {
      ...presentPolicies(actor, 'accountApproval', r.a),
      canDecide: status === 'pending' && can(actor, 'decide', 'accountApproval', r.a),
    },
  };
}

async function findApproval(db: DbOrTx, actor: Actor, id: number) {
  const [row] = await selectApprovals(db).where(
    and(eq(accountApprovals.id, id), eq(accountApprovals.committeeId, actor.committeeId)),
  );
  if (!row || !can(actor, 'read', 'accountApproval', row.a)) throw notFound('账号审批');
  return row;
}

/** Everyone who could approve: system and security administrators other than the requester and the target. */
async function approverIds(tx: DbOrTx, actor: Actor, targetUserId: number | null) {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.committeeId, actor.committeeId),
        eq(users.disabled, false),
        ne(users.id, actor.userId),
        sql`${users.roles} && array['sysAdmin', 'securityAdmin']::text[]`,
      ),
    );
  return rows.map((r) => r.id).filter((id) => id !== targetUserId);
}

/**
 * Records a change that needs a second administrator instead of making it (三员分立). At most one
 * request per account is open, so an approval never applies to a state the approver did not see.
 */
export async function requestApproval(
  tx: DbOrTx,
  actor: Actor,
  request: {
    kind: AccountApprovalKind;
    targetUserId: number | null;
    payload: CreateAccountInput | UpdateAccountInput | null;
    summary: string;
  },
): Promise<PendingApprovalDto> {
  const open = await tx
    .select({ id: accountApprovals.id })
    .from(accountApprovals)
    .where(
      and(
        eq(accountApprovals.committeeId, actor.committeeId),
        eq(accountApprovals.status, 'pending'),
        request.targetUserId === null
          ? sql`${accountApprovals.kind} = 'create' and lower(${accountApprovals.payload}->>'username') = lower(${(request.payload as CreateAccountInput).username})`
          : eq(accountApprovals.targetUserId, request.targetUserId),
      ),
    )
    .for('update');
  if (open.length > 0) throw conflict('该账号已有待审批的申请，请等待另一位管理员审批');
  const [row] = await tx
    .insert(accountApprovals)
    .values({
      committeeId: actor.committeeId,
      kind: request.kind,
      targetUserId: request.targetUserId,
      payload: request.payload,
      summary: request.summary,
      requestedBy: actor.userId,
    })
    .returning();
  const kindLabel = accountApprovalKindLabels[request.kind];
  await writeAudit(tx, actor, {
    action: 'account.approvalRequested',
    targetType: 'accountApproval',
    targetId: row!.id,
    summary: `申请${kindLabel}：${request.summary}，待另一位管理员审批`,
    changes: { kind: request.kind, targetUserId: request.targetUserId, payload: request.payload },
  });
  await notifyUsers(tx, actor.committeeId, await approverIds(tx, actor, request.targetUserId), {
    kind: 'account.approvalRequested',
    title: `待审批：${kindLabel}`,
    body: `${actor.displayName}申请：${request.summary}`,
    link: approvalsLink,
  });
  const [presented] = await selectApprovals(tx).where(eq(accountApprovals.id, row!.id));
  return { pendingApproval: presentApproval(actor, presented!) };
}

export async function listApprovals(db: Db, actor: Actor, status: AccountApprovalStatus) {
  const rows = await selectApprovals(db)
    .where(and(eq(accountApprovals.committeeId, actor.committeeId), eq(accountApprovals.status, status)))
    .orderBy(desc(accountApprovals.id))
    .limit(200);
  return { items: rows.map((r) => presentApproval(actor, r)) };
}

/** Whether an update request gives the account an administrator role it does not hold now. */
async function addsAdministratorRole(db: DbOrTx, actor: Actor, row: ApprovalRow) {
  const roles = (row.payload as UpdateAccountInput | null)?.roles;
  if (!roles || row.targetUserId === null) return false;
  const { user } = await findAccount(db, actor, row.targetUserId);
  return roles.some((r) => separatedAdminRoles.includes(r) && !user.roles.includes(r));
}

/** The decider must be a second person: neither the requester nor the administrator concerned. */
function authorizeDecision(actor: Actor, row: ApprovalRow) {
  if (can(actor, 'decide', 'accountApproval', row)) return;
  if (row.requestedBy === actor.userId) throw forbidden('不能审批自己提出的申请，请由另一位管理员审批');
  if (row.targetUserId === actor.userId) throw forbidden('不能审批与本人账号有关的申请');
  throw forbidden('只有系统管理员或安全管理员可以审批');
}

/**
 * Approves and applies the change in one transaction. The one-time password of a created or reset
 * administrator is returned to the approver only: the requester never holds it, so neither person
 * alone can sign in as the new administrator.
 */
export async function approveApproval(db: Db, actor: Actor, id: number): Promise<ApprovalDecisionDto> {
  const seen = await findApproval(db, actor, id);
  authorizeDecision(actor, seen.a);
  if (seen.a.status !== 'pending') throw conflict('该申请已处理，请刷新');
  const initialPassword =
    seen.a.kind !== 'update' || (await addsAdministratorRole(db, actor, seen.a))
      ? generateInitialPassword()
      : null;
  const passwordHash = initialPassword ? await hashPassword(initialPassword) : null;
  const targetId = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(accountApprovals)
      .set({ status: 'approved', decidedBy: actor.userId, decidedAt: new Date() })
      .where(and(eq(accountApprovals.id, id), eq(accountApprovals.status, 'pending')))
      .returning();
    if (!row) throw conflict('该申请已处理，请刷新');
    const by: Attribution = {
      approvalId: row.id,
      requester: { id: row.requestedBy, name: seen.requestedByName },
      approver: { id: actor.userId, name: actor.displayName },
    };
    let target: number;
    if (row.kind === 'create') {
      target = await insertAccount(tx, actor, row.payload as CreateAccountInput, passwordHash!, by);
      await tx.update(accountApprovals).set({ targetUserId: target }).where(eq(accountApprovals.id, row.id));
    } else if (row.kind === 'resetPassword') {
      const { user } = await findAccount(tx, actor, row.targetUserId!);
      await applyPasswordReset(tx, actor, user, passwordHash!, by);
      target = user.id;
    } else {
      await applyAccountUpdate(tx, actor, row.targetUserId!, row.payload as UpdateAccountInput, by);
      target = row.targetUserId!;
      // Whoever knew the account's password before (its creator, say) must not inherit the new role:
      // a granted administrator role comes with new credentials, through the approver.
      if (passwordHash) {
        const { user } = await findAccount(tx, actor, target);
        await applyPasswordReset(tx, actor, user, passwordHash, by);
      }
    }
    const kindLabel = accountApprovalKindLabels[row.kind as AccountApprovalKind];
    await notifyUsers(tx, actor.committeeId, [target], {
      kind: 'account.adminChangeApproved',
      title: `您的账号：${kindLabel}`,
      body: `${row.summary}。由${by.requester.name}申请、${by.approver.name}批准。如非您本人知情，请立即联系安全审计员。`,
    });
    await notifyUsers(tx, actor.committeeId, [row.requestedBy], {
      kind: 'account.approvalDecided',
      title: `申请已批准：${kindLabel}`,
      body: `${row.summary}（批准人：${by.approver.name}）`,
      link: approvalsLink,
    });
    return target;
  });
  const approval = presentApproval(actor, await findApproval(db, actor, id));
  const account = presentAccount(actor, await findAccount(db, actor, targetId));
  return { approval, account, initialPassword };
}

export async function rejectApproval(
  db: Db,
  actor: Actor,
  id: number,
  note: string | undefined,
): Promise<ApprovalDecisionDto> {
  const seen = await findApproval(db, actor, id);
  authorizeDecision(actor, seen.a);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(accountApprovals)
      .set({ status: 'rejected', decidedBy: actor.userId, decidedAt: new Date(), decisionNote: note ?? null })
      .where(and(eq(accountApprovals.id, id), eq(accountApprovals.status, 'pending')))
      .returning();
    if (!row) throw conflict('该申请已处理，请刷新');
    await writeAudit(tx, actor, {
      action: 'account.approvalRejected',
      targetType: 'accountApproval',
      targetId: id,
      summary: `驳回${seen.requestedByName}的申请：${row.summary}${note ? `（理由：${note}）` : ''}`,
      changes: { requestedBy: { id: row.requestedBy, name: seen.requestedByName }, note: note ?? null },
    });
    await notifyUsers(tx, actor.committeeId, [row.requestedBy], {
      kind: 'account.approvalDecided',
      title: `申请被驳回：${accountApprovalKindLabels[row.kind as AccountApprovalKind]}`,
      body: `${row.summary}（驳回人：${actor.displayName}${note ? `，理由：${note}` : ''}）`,
      link: approvalsLink,
    });
  });
  return {
    approval: presentApproval(actor, await findApproval(db, actor, id)),
    account: null,
    initialPassword: null,
  };
}

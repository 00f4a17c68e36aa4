import { z } from 'zod';
import {
  accountApprovalKinds,
  accountApprovalStatuses,
  createAccountBody,
  idParams,
  listAccountApprovalsQuery,
  listAccountsQuery,
  rejectAccountApprovalBody,
  roleSchema,
  updateAccountBody,
} from '@cppcc/shared';
import type { AppInstance } from '../../app';
import type { Actor } from '../../lib/actor';
import { forbidden } from '../../lib/errors';
import { can, collectionOf } from '../../lib/policy';
import './home';
import { approveApproval, listApprovals, rejectApproval } from './approvals';
import {
  createAccount,
  findAccount,
  listAccounts,
  presentAccount,
  resetAccountPassword,
  unlockAccount,
  updateAccount,
} from './service';

const accountResponse = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  roles: z.array(roleSchema),
  memberId: z.number().nullable(),
  memberName: z.string().nullable(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  staffId: z.number().nullable(),
  staffName: z.string().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  failedLogins: z.number(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  policies: z.record(z.string(), z.boolean()),
});
const accountPageResponse = z.object({
  items: z.array(accountResponse),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  policies: z.record(z.string(), z.boolean()),
});
const initialPasswordResponse = z.object({ account: accountResponse, initialPassword: z.string() });
const approvalResponse = z.object({
  id: z.number(),
  kind: z.enum(accountApprovalKinds),
  kindLabel: z.string(),
  status: z.enum(accountApprovalStatuses),
  statusLabel: z.string(),
  summary: z.string(),
  targetUserId: z.number().nullable(),
  requestedById: z.number(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  policies: z.record(z.string(), z.boolean()),
});
/** 202: the change needs a second administrator's approval and has not been made. */
const pendingApprovalResponse = z.object({ pendingApproval: approvalResponse });
const decisionResponse = z.object({
  approval: approvalResponse,
  account: accountResponse.nullable(),
  initialPassword: z.string().nullable(),
});
const emptyBody = z.object({}).strict().optional();

/** 三员分立: account administration belongs to the security administrator alone. */
function requireAccountAdmin(actor: Actor, ability: 'list' | 'create') {
  if (!can(actor, ability, 'account', { ...collectionOf(actor), id: 0 })) {
    throw forbidden('只有安全管理员可以管理账号');
  }
}

function requireApprover(actor: Actor) {
  if (
    !can(actor, 'list', 'accountApproval', { ...collectionOf(actor), requestedBy: 0, targetUserId: null })
  ) {
    throw forbidden('只有系统管理员或安全管理员可以查看和审批管理员账号变更');
  }
}

export async function accountRoutes(app: AppInstance) {
  const { db } = app.deps.database;

  app.get(
    '/accounts',
    {
      schema: {
        tags: ['accounts'],
        summary: '账号列表',
        querystring: listAccountsQuery,
        response: { 200: accountPageResponse },
      },
    },
    async (req) => {
      const actor = req.actor!;
      requireAccountAdmin(actor, 'list');
      const page = await listAccounts(db, actor, req.query);
      return {
        ...page,
        policies: { canCreate: can(actor, 'create', 'account', { ...collectionOf(actor), id: 0 }) },
      };
    },
  );

  app.get(
    '/accounts/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: '账号详情',
        params: idParams,
        response: { 200: accountResponse },
      },
    },
    async (req) => {
      requireAccountAdmin(req.actor!, 'list');
      return presentAccount(req.actor!, await findAccount(db, req.actor!, req.params.id));
    },
  );

  app.post(
    '/accounts',
    {
      schema: {
        tags: ['accounts'],
        summary: '创建账号（返回一次性初始密码；管理员账号须另一位管理员审批，返回 202）',
        body: createAccountBody,
        response: { 201: initialPasswordResponse, 202: pendingApprovalResponse },
      },
    },
    async (req, reply) => {
      requireAccountAdmin(req.actor!, 'create');
      const result = await createAccount(db, req.actor!, req.body);
      return reply.status('pendingApproval' in result ? 202 : 201).send(result);
    },
  );

  app.patch(
    '/accounts/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: '修改账号（授予管理员角色或启用管理员账号须另一位管理员审批，返回 202）',
        params: idParams,
        body: updateAccountBody,
        response: { 200: accountResponse, 202: pendingApprovalResponse },
      },
    },
    async (req, reply) => {
      requireAccountAdmin(req.actor!, 'list');
      const result = await updateAccount(db, req.actor!, req.params.id, req.body);
      return reply.status('pendingApproval' in result ? 202 : 200).send(result);
    },
  );

  app.post(
    '/accounts/:id/reset-password',
    {
      schema: {
        tags: ['accounts'],
        summary: '重置密码（返回一次性初始密码；管理员的密码须另一位管理员审批，返回 202）',
        params: idParams,
        response: { 200: initialPasswordResponse, 202: pendingApprovalResponse },
      },
    },
    async (req, reply) => {
      requireAccountAdmin(req.actor!, 'list');
      const result = await resetAccountPassword(db, req.actor!, req.params.id);
      return reply.status('pendingApproval' in result ? 202 : 200).send(result);
    },
  );

  app.post(
    '/accounts/:id/unlock',
    {
      schema: {
        tags: ['accounts'],
        summary: '解除登录锁定',
        params: idParams,
        response: { 200: accountResponse },
      },
    },
    async (req) => {
      requireAccountAdmin(req.actor!, 'list');
      return unlockAccount(db, req.actor!, req.params.id);
    },
  );

  app.get(
    '/account-approvals',
    {
      schema: {
        tags: ['accounts'],
        summary: '管理员账号变更审批列表（系统管理员、安全管理员）',
        querystring: listAccountApprovalsQuery,
        response: { 200: z.object({ items: z.array(approvalResponse) }) },
      },
    },
    async (req) => {
      requireApprover(req.actor!);
      return listApprovals(db, req.actor!, req.query.status);
    },
  );

  app.post(
    '/account-approvals/:id/approve',
    {
      schema: {
        tags: ['accounts'],
        summary: '批准并执行（一次性初始密码只返回给批准人）',
        params: idParams,
        body: emptyBody,
        response: { 200: decisionResponse },
      },
    },
    async (req) => {
      requireApprover(req.actor!);
      return approveApproval(db, req.actor!, req.params.id);
    },
  );

  app.post(
    '/account-approvals/:id/reject',
    {
      schema: {
        tags: ['accounts'],
        summary: '驳回申请',
        params: idParams,
        body: rejectAccountApprovalBody.optional(),
        response: { 200: decisionResponse },
      },
    },
    async (req) => {
      requireApprover(req.actor!);
      return rejectApproval(db, req.actor!, req.params.id, req.body?.note);
    },
  );
}

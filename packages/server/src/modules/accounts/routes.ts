import { z } from 'zod';
import {
  accountApprovalListSchema,
  accountPageSchema,
  accountSchema,
  approvalDecisionSchema,
  createAccountBody,
  idParams,
  listAccountApprovalsQuery,
  listAccountsQuery,
  initialPasswordSchema,
  pendingApprovalSchema,
  rejectAccountApprovalBody,
  updateAccountBody,
} from '@cppcc/shared';
import type { FastifyRequest } from 'fastify';
import type { AppInstance } from '../../app';
import { forbidden } from '../../lib/errors';
import { can, collectionOf } from '../../lib/policy';
import { documentedAs } from '../../lib/api-docs';
import { serviceContext } from '../../lib/request-context';
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

const emptyBody = z.object({}).strict().optional();

/** 三员分立: account administration belongs to the security administrator alone. */
function accountAdminContext(req: FastifyRequest, ability: 'list' | 'create') {
  const ctx = serviceContext(req);
  if (!can(ctx.actor, ability, 'account', { ...collectionOf(ctx.actor), id: 0 })) {
    throw forbidden('只有安全管理员可以管理账号');
  }
  return ctx;
}

function approverContext(req: FastifyRequest) {
  const ctx = serviceContext(req);
  const scope = { ...collectionOf(ctx.actor), requestedBy: 0, targetUserId: null };
  if (!can(ctx.actor, 'list', 'accountApproval', scope)) {
    throw forbidden('只有系统管理员或安全管理员可以查看和审批管理员账号变更');
  }
  return ctx;
}

const doc = documentedAs('accounts');

export async function accountRoutes(app: AppInstance) {
  app.get(
    '/accounts',
    doc('账号列表', { querystring: listAccountsQuery, response: { 200: accountPageSchema } }),
    async (req) => {
      const { db, actor } = accountAdminContext(req, 'list');
      const page = await listAccounts(db, actor, req.query);
      return {
        ...page,
        policies: { canCreate: can(actor, 'create', 'account', { ...collectionOf(actor), id: 0 }) },
      };
    },
  );

  app.get(
    '/accounts/:id',
    doc('账号详情', { params: idParams, response: { 200: accountSchema } }),
    async (req) => {
      const { db, actor } = accountAdminContext(req, 'list');
      return presentAccount(actor, await findAccount(db, actor, req.params.id));
    },
  );

  app.post(
    '/accounts',
    doc('创建账号（返回一次性初始密码；管理员账号须另一位管理员审批，返回 202）', {
      body: createAccountBody,
      response: { 201: initialPasswordSchema, 202: pendingApprovalSchema },
    }),
    async (req, reply) => {
      const { db, actor } = accountAdminContext(req, 'create');
      const result = await createAccount(db, actor, req.body);
      return reply.status('pendingApproval' in result ? 202 : 201).send(result);
    },
  );

  app.patch(
    '/accounts/:id',
    doc('修改账号（授予管理员角色或启用管理员账号须另一位管理员审批，返回 202）', {
      params: idParams,
      body: updateAccountBody,
      response: { 200: accountSchema, 202: pendingApprovalSchema },
    }),
    async (req, reply) => {
      const { db, actor } = accountAdminContext(req, 'list');
      const result = await updateAccount(db, actor, req.params.id, req.body);
      return reply.status('pendingApproval' in result ? 202 : 200).send(result);
    },
  );

  app.post(
    '/accounts/:id/reset-password',
    doc('重置密码（返回一次性初始密码；管理员的密码须另一位管理员审批，返回 202）', {
      params: idParams,
      response: { 200: initialPasswordSchema, 202: pendingApprovalSchema },
    }),
    async (req, reply) => {
      const { db, actor } = accountAdminContext(req, 'list');
      const result = await resetAccountPassword(db, actor, req.params.id);
      return reply.status('pendingApproval' in result ? 202 : 200).send(result);
    },
  );

  app.post(
    '/accounts/:id/unlock',
    doc('解除登录锁定', { params: idParams, response: { 200: accountSchema } }),
    async (req) => {
      const { db, actor } = accountAdminContext(req, 'list');
      return unlockAccount(db, actor, req.params.id);
    },
  );

  app.get(
    '/account-approvals',
    doc('管理员账号变更审批列表（系统管理员、安全管理员）', {
      querystring: listAccountApprovalsQuery,
      response: { 200: accountApprovalListSchema },
    }),
    async (req) => {
      const { db, actor } = approverContext(req);
      return listApprovals(db, actor, req.query.status);
    },
  );

  app.post(
    '/account-approvals/:id/approve',
    doc('批准并执行（一次性初始密码只返回给批准人）', {
      params: idParams,
      body: emptyBody,
      response: { 200: approvalDecisionSchema },
    }),
    async (req) => {
      const { db, actor } = approverContext(req);
      return approveApproval(db, actor, req.params.id);
    },
  );

  app.post(
    '/account-approvals/:id/reject',
    doc('驳回申请', {
      params: idParams,
      body: rejectAccountApprovalBody.optional(),
      response: { 200: approvalDecisionSchema },
    }),
    async (req) => {
      const { db, actor } = approverContext(req);
      return rejectApproval(db, actor, req.params.id, req.body?.note);
    },
  );
}

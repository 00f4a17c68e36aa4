import { z } from 'zod';
import { createAccountBody, listAccountsQuery, roleSchema, updateAccountBody } from '@cppcc/shared';
import type { AppInstance } from '../../app';
import type { Actor } from '../../lib/actor';
import { forbidden } from '../../lib/errors';
import { can, collectionOf } from '../../lib/policy';
import './home';
import {
  createAccount,
  findAccount,
  listAccounts,
  presentAccount,
  resetAccountPassword,
  unlockAccount,
  updateAccount,
} from './service';

const idParams = z
  .object({ id: z.coerce.number({ error: '编号应为数字' }).int().positive('编号应为正整数') })
  .strict();

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

/** 三员分立: account administration belongs to the security administrator alone. */
function requireAccountAdmin(actor: Actor, ability: 'list' | 'create') {
  if (!can(actor, ability, 'account', { ...collectionOf(actor), id: 0 })) {
    throw forbidden('只有安全管理员可以管理账号');
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
        summary: '创建账号（返回一次性初始密码）',
        body: createAccountBody,
        response: { 201: initialPasswordResponse },
      },
    },
    async (req, reply) => {
      requireAccountAdmin(req.actor!, 'create');
      return reply.status(201).send(await createAccount(db, req.actor!, req.body));
    },
  );

  app.patch(
    '/accounts/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: '修改账号',
        params: idParams,
        body: updateAccountBody,
        response: { 200: accountResponse },
      },
    },
    async (req) => {
      requireAccountAdmin(req.actor!, 'list');
      return updateAccount(db, req.actor!, req.params.id, req.body);
    },
  );

  app.post(
    '/accounts/:id/reset-password',
    {
      schema: {
        tags: ['accounts'],
        summary: '重置密码（返回一次性初始密码）',
        params: idParams,
        response: { 200: initialPasswordResponse },
      },
    },
    async (req) => {
      requireAccountAdmin(req.actor!, 'list');
      return resetAccountPassword(db, req.actor!, req.params.id);
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
}

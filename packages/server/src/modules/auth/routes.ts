import { z } from 'zod';
import { currentSessionSchema, currentUserSchema, passwordProblem } from '@cppcc/shared';
import type { AppInstance } from '../../app';
import { serviceContext } from '../../lib/request-context';
import { clearSessionCookie, sessionCookieName, destroySession, setSessionCookie } from '../../lib/auth';
import { AppError } from '../../lib/errors';
import { changePassword, currentUserOf, signIn } from './service';

const loginBody = z
  .object({
    login: z.string().trim().min(1, '请输入用户名或手机号').max(50),
    password: z.string().min(1, '请输入密码').max(128),
  })
  .strict();

const currentUserResponse = currentUserSchema;

const changePasswordBody = z
  .object({
    currentPassword: z.string().min(1, '请输入当前密码').max(128),
    newPassword: z
      .string()
      .max(128)
      .superRefine((value, ctx) => {
        const problem = passwordProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
  })
  .strict();

export async function authRoutes(app: AppInstance) {
  const { database, config } = app.deps;
  // Counted apart from the address's limit: guessing at one account is slowed without locking out
  // everyone else behind the same address.
  const accountLimit = app.createRateLimit({
    max: config.loginAccountRateLimit,
    timeWindow: '1 minute',
    keyGenerator: (req) =>
      `login:${String((req.body as { login?: unknown } | undefined)?.login ?? '').toLowerCase()}`,
  });

  app.post(
    '/auth/login',
    {
      schema: { tags: ['auth'], summary: '登录', body: loginBody, response: { 200: currentUserResponse } },
      config: { access: 'public', rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const limit = await accountLimit(req);
      if (!limit.isAllowed && limit.isExceeded)
        throw new AppError('RATE_LIMITED', '该账号登录尝试过于频繁，请 1 分钟后再试');
      const { token, user } = await signIn(database.db, req, req.body.login, req.body.password);
      setSessionCookie(reply, token, config.secureCookies);
      return user;
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: { tags: ['auth'], summary: '退出登录', response: { 204: z.null().describe('已退出') } },
      config: { access: 'session' },
    },
    async (req, reply) => {
      const token = req.cookies[sessionCookieName];
      if (token) await destroySession(database.db, token);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      schema: { tags: ['auth'], summary: '当前用户', response: { 200: currentUserResponse } },
      config: { access: 'session' },
    },
    // The session lookup of this request read the account: no further query.
    async (req) => currentUserOf(req.account!, req.csrfToken!),
  );

  // Public, so that a visitor is answered `{ user: null }` rather than 401.
  app.get(
    '/auth/session',
    {
      schema: { tags: ['auth'], summary: '当前会话', response: { 200: currentSessionSchema } },
      config: { access: 'public' },
    },
    async (req) => ({
      user: req.account ? currentUserOf(req.account, req.csrfToken!) : null,
    }),
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改密码',
        body: changePasswordBody,
        response: { 204: z.null().describe('已修改') },
      },
      config: { access: 'session' },
    },
    async (req, reply) => {
      if (req.body.currentPassword === req.body.newPassword) {
        throw new AppError('VALIDATION_FAILED', '新密码不能与当前密码相同', {
          fields: [{ path: 'body.newPassword', message: '新密码不能与当前密码相同' }],
        });
      }
      const { db, actor } = serviceContext(req);
      await changePassword(
        db,
        actor,
        req.cookies[sessionCookieName]!,
        req.body.currentPassword,
        req.body.newPassword,
      );
      return reply.status(204).send(null);
    },
  );
}

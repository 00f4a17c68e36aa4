import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import {
  hasZodFastifySchemaValidationErrors,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { fileURLToPath } from 'node:url';
import type { FieldIssue } from '@cppcc/shared';
import type { AppConfig } from './env';
import type { Database } from './db/client';
import type { Actor } from './lib/actor';
import { registerApiDocs } from './lib/api-docs';
import { AppError } from './lib/errors';
import { refuseUnroutableUrl, rejectUnstorableInput } from './lib/input-guard';
import {
  checkCsrf,
  csrfHeaderName,
  loadSession,
  sessionCookieName,
  clearSessionCookie,
  type SessionAccount,
} from './lib/auth';
import { registerSecurityHeaders } from './lib/security-headers';
import { registerStaticWeb } from './lib/static-web';
import { registerModules } from './modules';

export interface AppDeps {
  database: Database;
  config: AppConfig;
  /** Folder of the built web UI; served when it exists. */
  webDist?: string;
}

/** Who may call a route: `public` (anyone), `session` (signed in, even before the forced password change), default signed in. */
export type RouteAccess = 'public' | 'session' | 'user';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
    mustChangePassword: boolean;
    /** The signed-in account as the session lookup read it. */
    account: SessionAccount | null;
  }
  interface FastifyInstance {
    deps: AppDeps;
    /** `METHOD /url` of every API route, for the authorization matrix test. */
    apiRoutes: string[];
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export type AppInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));
const jsonBodyLimit = 1024 * 1024;

export async function buildApp(deps: AppDeps): Promise<AppInstance> {
  const app = Fastify({
    bodyLimit: jsonBodyLimit,
    logger: false,
    frameworkErrors: refuseUnroutableUrl,
    trustProxy: deps.config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', deps);
  const apiRoutes: string[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    for (const method of [route.method].flat())
      if (method !== 'HEAD') apiRoutes.push(`${method} ${route.url}`);
  });
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('mustChangePassword', false);
  app.decorateRequest('account', null);

  registerSecurityHeaders(app);
  await app.register(cookie, { secret: deps.config.sessionSecret });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: deps.config.uploadMaxBytes, files: 1, fields: 10 } });
  await registerApiDocs(app, deps.config);

  app.addHook('onRequest', async (req, reply) => {
    const token = req.cookies[sessionCookieName];
    // Static files need no session; loading it there would end an expired session silently,
    // and the next API call could no longer tell the user why they were signed out.
    if (!token || !req.url.startsWith('/api/')) return;
    const { sessionIdleMinutes, sessionMaxHours } = deps.config;
    const loaded = await loadSession(deps.database.db, token, sessionIdleMinutes, req.ip, sessionMaxHours);
    if (loaded === 'expired' || loaded === null) {
      clearSessionCookie(reply);
      if (loaded === 'expired' && routeAccess(req) !== 'public') throw new AppError('SESSION_EXPIRED');
      return;
    }
    req.actor = loaded.actor;
    req.csrfToken = loaded.csrfToken;
    req.mustChangePassword = loaded.mustChangePassword;
    req.account = loaded.account;
  });

  // Access is decided before the body is parsed or validated: an anonymous caller learns nothing about the schema.
  app.addHook('onRequest', async (req) => {
    const access = routeAccess(req);
    // Public routes (login) act on no session, so a stale cookie must not make them fail the CSRF check.
    if (access === 'public') return;
    if (req.actor && req.csrfToken && !['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      checkCsrf(req.csrfToken, req.headers[csrfHeaderName]);
    }
    if (!req.actor) throw new AppError('UNAUTHENTICATED');
    if (access === 'user' && req.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  });

  app.addHook('preValidation', rejectUnstorableInput);

  app.setErrorHandler((error: FastifyError, req, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'INTERNAL' && process.env.NODE_ENV !== 'test')
      console.error(req.method, req.url, error);
    return reply.status(appError.status).send(appError.toBody());
  });

  await app.register(
    async (api) => {
      await registerModules(api);
    },
    { prefix: '/api' },
  );

  await registerStaticWeb(app, deps.webDist ?? defaultWebDist);

  return app;
}

function routeAccess(req: { routeOptions: { config?: { access?: RouteAccess } }; url: string }): RouteAccess {
  const access = req.routeOptions.config?.access;
  if (access) return access;
  // Static files, docs and unknown paths carry no access of their own: they are public pages or 404s
  // (the docs check for a session themselves, in lib/api-docs.ts).
  return req.url.startsWith('/api/') && !req.url.startsWith('/api/docs') ? 'user' : 'public';
}

const pgErrorCodes: Record<string, AppError> = {
  '23505': new AppError('DUPLICATE'),
  '40001': new AppError('CONFLICT'),
  '40P01': new AppError('CONFLICT'),
  '23503': new AppError('VALIDATION_FAILED', '引用的记录不存在'),
};

function toAppError(error: FastifyError & { code?: string }): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields: FieldIssue[] = error.validation.map((v) => ({
      path: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
      message: zodMessage(v),
    }));
    return new AppError('VALIDATION_FAILED', fields[0]?.message ?? undefined, { fields });
  }
  if (error.code && error.code in pgErrorCodes) return pgErrorCodes[error.code]!;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('BAD_REQUEST', '请求内容为空');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('BAD_REQUEST');
  }
  if (error.statusCode === 429) return new AppError('RATE_LIMITED');
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new AppError('BAD_REQUEST', '请求内容不是有效的 JSON');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('BAD_REQUEST', error.statusCode === 406 ? '不支持的请求' : undefined);
  }
  return new AppError('INTERNAL');
}

/** Turns a zod issue into Chinese when the schema did not give its own message. */
function zodMessage(v: { message?: string; keyword?: string; params?: Record<string, unknown> }): string {
  const message = v.message ?? '';
  if (/[\u4e00-\u9fa5]/.test(message)) return message;
  if (/Unrecognized key/i.test(message)) return `不允许的字段：${message.replace(/.*:\s*/, '')}`;
  if (/expected .*, received undefined/i.test(message) || /Required/i.test(message)) return '此项必填';
  if (/Invalid input: expected/i.test(message)) return '类型不正确';
  if (/Too big/i.test(message)) return '内容过长或数值过大';
  if (/Too small/i.test(message)) return '内容过短或数值过小';
  if (/Invalid option|Invalid enum/i.test(message)) return '取值不在允许范围内';
  return '格式不正确';
}

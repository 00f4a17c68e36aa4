import swagger, { type SwaggerTransformObject } from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { FastifyInstance, FastifyRequest, FastifySchema, RouteOptions } from 'fastify';
import { z } from 'zod';
import { errorStatus, type ErrorCode } from '@cppcc/shared';
import type { AppConfig } from '../env';
import { csrfHeaderName, sessionCookieName } from './auth';
import { AppError } from './errors';

/** The body of every error answer (`AppError.toBody()`), as the OpenAPI document describes it. */
export const errorBodySchema = z
  .object({
    code: z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]),
    message: z.string().describe('给用户看的中文说明'),
    details: z.unknown().optional().describe('例如 VALIDATION_FAILED 的 fields：[{ path, message }]'),
  })
  .describe('错误答复');

const errorDescriptions: Record<number, string> = {
  400: '请求格式不正确或输入有误（包括无效字符、超出范围的编号）',
  401: '未登录、登录已过期，或用户名或密码错误',
  403: '没有权限、须先修改初始密码，或页面已过期（CSRF）',
  404: '记录不存在或无权查看',
  409: '记录已被他人修改、已存在，或当前状态下不能执行此操作',
  413: '提交的内容过大',
  415: '不支持的内容类型',
  422: '导入文件有问题（逐行列出），未写入任何数据',
  429: '请求过于频繁',
  503: '数据库暂时无法访问',
};

interface RouteFacts {
  method: string;
  url: string;
  public: boolean;
  rateLimited: boolean;
}

/**
 * The error statuses a route can answer, from what the app knows of every route: its access, its
 * method (a body can be too large, of the wrong type, or conflict) and its path.
 */
export function errorStatusesOf(route: RouteFacts): number[] {
  const takesBody = !['GET', 'HEAD', 'OPTIONS'].includes(route.method);
  // The only public route that takes a body is signing in; it answers for the credentials.
  const signsIn = route.public && takesBody;
  const statuses = [400];
  if (!route.public || signsIn) statuses.push(401);
  if (!route.public) statuses.push(403);
  // A record is named by the path, by ids in a body, or by an id filter of a list's query.
  if (route.url.includes(':') || !route.public) statuses.push(404);
  if (!route.public && takesBody) statuses.push(409);
  if (takesBody) statuses.push(413, 415);
  if (/\/import(\/preview)?$/.test(route.url)) statuses.push(422);
  if (route.rateLimited) statuses.push(429);
  statuses.push(503);
  return statuses;
}

const openapiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

type Operation = { responses?: Record<string, unknown>; security?: Record<string, string[]>[] };
type OpenApiObject = {
  paths?: Record<string, Record<string, Operation>>;
  components?: Record<string, Record<string, unknown>>;
};

/**
 * The OpenAPI document at `/api/docs/json` and its page at `/api/docs`, for signed-in users unless
 * `API_DOCS_PUBLIC=true`. Error answers and the session requirement are added to every operation
 * here, once, rather than in each route. They go into the document only, not into the routes'
 * response schemas, which would make the serializer vet every error body.
 */
export async function registerApiDocs(app: FastifyInstance, config: AppConfig) {
  const facts = new Map<string, RouteFacts>();
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    for (const method of [route.method].flat()) {
      facts.set(`${method.toLowerCase()} ${openapiPath(route.url)}`, {
        method,
        url: route.url,
        public: route.config?.access === 'public',
        rateLimited: Boolean((route.config as { rateLimit?: unknown } | undefined)?.rateLimit),
      });
    }
  });

  const errorBody = z.toJSONSchema(errorBodySchema, { target: 'openapi-3.0' });
  const errorRef = { $ref: '#/components/schemas/ErrorBody' };
  await app.register(swagger, {
    openapi: { info: { title: '政协履职平台 API', version: '1.0.0' } },
    transform: jsonSchemaTransform,
    transformObject: (documentObject) => {
      const document = (
        'openapiObject' in documentObject ? documentObject.openapiObject : {}
      ) as OpenApiObject;
      for (const [path, operations] of Object.entries(document.paths ?? {})) {
        for (const [method, operation] of Object.entries(operations)) {
          const route = facts.get(`${method} ${path}`);
          if (!route) continue;
          operation.responses ??= {};
          for (const status of errorStatusesOf(route)) {
            operation.responses[status] ??= {
              description: errorDescriptions[status],
              content: { 'application/json': { schema: errorRef } },
            };
          }
          if (!route.public)
            operation.security = [route.method === 'GET' ? { session: [] } : { session: [], csrf: [] }];
        }
      }
      const components = (document.components ??= {});
      components.schemas = { ...components.schemas, ErrorBody: errorBody };
      components.securitySchemes = {
        ...components.securitySchemes,
        session: { type: 'apiKey', in: 'cookie', name: sessionCookieName, description: '登录后获得的会话' },
        csrf: { type: 'apiKey', in: 'header', name: csrfHeaderName, description: '登录答复中的 csrfToken' },
      };
      return document as ReturnType<SwaggerTransformObject>;
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiHooks: {
      // The session was loaded by the app's own onRequest hook, which runs before route hooks.
      onRequest: async (req: FastifyRequest) => {
        if (!config.apiDocsPublic && !req.actor) throw new AppError('UNAUTHENTICATED');
      },
    },
  });
}

/**
 * The route options of one module's routes under its OpenAPI tag, so a route states only its summary
 * and schemas: `const doc = documentedAs('accounts')` then `app.get(url, doc('账号列表', { querystring, response }), …)`.
 */
export const documentedAs =
  (tag: string) =>
  <const S extends FastifySchema>(summary: string, schema: S = {} as S) => ({
    schema: { tags: [tag], summary, ...schema } as { tags: string[]; summary: string } & S,
  });

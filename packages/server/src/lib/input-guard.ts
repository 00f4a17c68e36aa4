import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, invalidField } from './errors';

/**
 * Characters PostgreSQL cannot store: NUL in `text`/`jsonb`, and a UTF-16 surrogate without its
 * partner, which `jsonb` (the audit log) refuses. Either would reach the database and fail there.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const invalidCharactersMessage = '请求内容含有无效字符';

/** Where in a parsed value (keys included) the first unstorable string is, or null. */
export function findUnstorable(value: unknown, root: string): string | null {
  // An explicit stack: a deeply nested JSON body must not overflow the call stack.
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (unstorable.test(current)) return path;
    } else if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i++) stack.push([current[i], `${path}.${i}`]);
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        if (unstorable.test(key)) return path;
        stack.push([item, `${path}.${key}`]);
      }
    }
  }
  return null;
}

/**
 * preValidation hook for every route: refuses such input in the path, the query string and a
 * parsed body before any schema or handler sees it, so no route can forget it.
 */
export async function rejectUnstorableInput(req: FastifyRequest) {
  const path =
    findUnstorable(req.params, 'params') ??
    findUnstorable(req.query, 'querystring') ??
    findUnstorable(req.body, 'body');
  if (path !== null) throw invalidField(path, invalidCharactersMessage);
}

/**
 * Fastify's `frameworkErrors`: a path that is not valid percent-encoded UTF-8, or a path parameter
 * longer than the router accepts, is answered before any route runs, and in Fastify's own format.
 */
export function refuseUnroutableUrl(error: FastifyError, _req: FastifyRequest, reply: FastifyReply) {
  const refusal =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new AppError('BAD_REQUEST', '请求地址中的参数过长')
      : error.code === 'FST_ERR_BAD_URL'
        ? new AppError('BAD_REQUEST', '请求地址无效')
        : new AppError('INTERNAL');
  return reply.status(refusal.status).send(refusal.toBody());
}

import type { z } from 'zod';
import { idParams, type CommandHandlers, type CommandRoute, type CommandRoutes } from '@cppcc/shared';
import type { AppInstance } from '../app';
import type { ServiceContext } from './actor';
import { documentedAs } from './api-docs';
import { serviceContext } from './request-context';

/**
 * Registers one `POST <resource>/:id/<path>` per command of a workflow's shared command table: the
 * body checked by the command's schema, its use case run, and the record answered as the caller now
 * sees it. Every workflow module (proposals, opinions, forwarded items …) registers its commands so.
 */
export function registerCommandRoutes<T extends CommandRoutes, R>(
  app: AppInstance,
  spec: {
    /** `/proposals`, `/opinion-forwardings` … */
    resource: string;
    tag: string;
    routes: T;
    handlers: CommandHandlers<T, ServiceContext, R>;
    response: z.ZodType;
    present: (ctx: ServiceContext, result: R) => unknown;
  },
) {
  const doc = documentedAs(spec.tag);
  for (const [command, route] of Object.entries(spec.routes) as [keyof T & string, CommandRoute][]) {
    const run = spec.handlers[command] as (ctx: ServiceContext, id: number, body: unknown) => Promise<R>;
    app.post(
      `${spec.resource}/:id/${route.path}`,
      doc(route.summary, { params: idParams, body: route.body, response: { 200: spec.response } }),
      async (req) => {
        const ctx = serviceContext(req);
        return spec.present(ctx, await run(ctx, req.params.id, req.body));
      },
    );
  }
}

import { z } from 'zod';

/**
 * Command routes of a workflow module: per command, the path segment after `/<resource>/:id/`, the
 * Chinese summary of its OpenAPI entry and the request body schema. The server registers one POST per
 * entry and the web's command hook types each command's body from the same table, so a path or a body
 * cannot drift apart between the two.
 */

export interface CommandRoute<B extends z.ZodType = z.ZodType> {
  /** Path segment after `/<resource>/:id/`, e.g. `accept` or `answer/head-approve`. */
  path: string;
  summary: string;
  body: B;
}

export type CommandRoutes = Record<string, CommandRoute>;

/** The body of a command without fields. */
export const emptyCommandBody = z.object({}).strict();

/**
 * Declares a module's command routes. `commands` is the module's list of command names (its workflow
 * vocabulary): the table may hold only those, and no two entries may share a path.
 */
export function defineCommandRoutes<C extends string, const T extends Partial<Record<C, CommandRoute>>>(
  commands: readonly C[],
  routes: T & Record<Exclude<keyof T, C>, never>,
): T {
  const known = new Set<string>(commands);
  const paths = new Set<string>();
  for (const [command, route] of Object.entries(routes) as [string, CommandRoute][]) {
    if (!known.has(command)) throw new Error(`未知的命令：${command}`);
    if (paths.has(route.path)) throw new Error(`命令路径重复：${route.path}`);
    paths.add(route.path);
  }
  return routes;
}

/** The command names of a table. */
export type CommandKey<T extends CommandRoutes> = keyof T & string;

/** What a caller sends for a command (defaults not yet applied). */
export type CommandInput<T extends CommandRoutes, K extends CommandKey<T>> = z.input<T[K]['body']>;

/** What the server's use case receives for a command (after parsing). */
export type CommandOutput<T extends CommandRoutes, K extends CommandKey<T>> = z.output<T[K]['body']>;

/** One `{ command, body }` per command of a table, with the body typed by that command's schema. */
export type CommandRequest<T extends CommandRoutes> = {
  [K in CommandKey<T>]: { command: K; body: CommandInput<T, K> };
}[CommandKey<T>];

/** The server's use case per command: (context, record id, parsed body) → result. */
export type CommandHandlers<T extends CommandRoutes, Ctx, R> = {
  [K in CommandKey<T>]: (ctx: Ctx, id: number, body: CommandOutput<T, K>) => Promise<R>;
};

import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/client';
import type { ServiceContext } from './actor';
import { AppError } from './errors';

/** A request's database is the app's own, never an open transaction, so its use cases may open one. */
export type RequestContext = ServiceContext & { db: Db };

/**
 * The use-case context of a request: the app's database and configuration, and the caller as actor.
 * Every route that acts for a signed-in user takes its context here, so no route reaches past it.
 */
export function serviceContext(req: FastifyRequest): RequestContext {
  // The access hook refuses anonymous callers before any non-public handler runs; this only guards misuse.
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  const { database, config } = req.server.deps;
  return { db: database.db, actor: req.actor, config };
}

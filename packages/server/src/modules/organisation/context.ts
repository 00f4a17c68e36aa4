import type { FastifyRequest } from 'fastify';
import type { AppInstance } from '../../app';
import type { ServiceContext } from '../../lib/actor';

/** The use-case context of a signed-in request (routes without `access: public` always have an actor). */
export const contextOf = (app: AppInstance, req: FastifyRequest): ServiceContext => ({
  db: app.deps.database.db,
  actor: req.actor!,
  config: app.deps.config,
});

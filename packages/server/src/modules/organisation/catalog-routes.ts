import { getSettings } from '../../lib/settings';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { listOrganisationQuerySchema, policiesSchema, unitDetailDtoSchema } from '@cppcc/shared';
import type { AppInstance } from '../../app';
import { users } from '../../db/schema';
import { can } from '../../lib/policy';
import { datedFileName, sendXlsx, writeXlsx } from '../../lib/xlsx';
import {
  createCatalog,
  exportCatalog,
  getCatalog,
  idParams,
  listCatalog,
  presentCatalogRow,
  updateCatalog,
  type CatalogResource,
} from './catalog';
import { serviceContext } from '../../lib/request-context';
import { catalogResources, unitResource } from './resources';
import { documentedAs } from '../../lib/api-docs';

const pageOf = (item: z.ZodType) =>
  z.object({
    items: z.array(item),
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
    policies: policiesSchema,
  });

/** list, export, read, create and update routes of every simple organisation resource. */
const doc = documentedAs('organisation');

export async function catalogRoutes(app: AppInstance) {
  for (const res of catalogResources) registerCatalog(app, res);
}

function registerCatalog(app: AppInstance, res: CatalogResource) {
  const base = `/${res.path}`;
  const routes = new Set(res.routes ?? ['list', 'export', 'read', 'create', 'update']);

  if (routes.has('list'))
    app.get(
      base,
      doc(`${res.label}列表`, {
        querystring: res.listQuery ?? listOrganisationQuerySchema,
        response: { 200: pageOf(res.dto) },
      }),
      async (req) => listCatalog(serviceContext(req), res, req.query),
    );

  if (routes.has('export'))
    app.get(
      `${base}/export`,
      doc(`导出${res.label}`, { querystring: res.listQuery ?? listOrganisationQuerySchema }),
      async (req, reply) => {
        const ctx = serviceContext(req);
        const rows = await exportCatalog(ctx, res, req.query);
        const { timeZone } = await getSettings(ctx.db, ctx.actor.committeeId);
        return sendXlsx(
          reply,
          datedFileName(res.exportName, timeZone),
          await writeXlsx(res.exportName, res.exportColumns, rows),
        );
      },
    );

  const detailDto = res === unitResource ? unitDetailDtoSchema : res.dto;
  if (routes.has('read'))
    app.get(
      `${base}/:id`,
      doc(`${res.label}详情`, { params: idParams, response: { 200: detailDto } }),
      async (req) => {
        const ctx = serviceContext(req);
        const row = await getCatalog(ctx, res, req.params.id);
        const dto = presentCatalogRow(ctx, res, row);
        if (res !== unitResource) return dto;
        // A unit's handler and head accounts, read-only: accounts are managed by the security administrator.
        const accounts = can(ctx.actor, 'read', 'unitAccounts', row)
          ? await ctx.db
              .select({
                id: users.id,
                username: users.username,
                displayName: users.displayName,
                roles: users.roles,
              })
              .from(users)
              .where(
                and(
                  eq(users.committeeId, ctx.actor.committeeId),
                  eq(users.unitId, row.id),
                  sql`${users.roles} && array['unitHandler','unitHead']::text[]`,
                ),
              )
              .orderBy(users.id)
          : [];
        return { ...dto, accounts };
      },
    );

  if (routes.has('create'))
    app.post(
      base,
      doc(`新增${res.label}`, { body: res.createBody, response: { 201: res.dto } }),
      async (req, reply) => {
        const ctx = serviceContext(req);
        const row = await createCatalog(ctx, res, req.body as Record<string, unknown>);
        return reply.status(201).send(presentCatalogRow(ctx, res, row));
      },
    );

  if (routes.has('update'))
    app.patch(
      `${base}/:id`,
      doc(`修改${res.label}`, { params: idParams, body: res.updateBody, response: { 200: res.dto } }),
      async (req) => {
        const ctx = serviceContext(req);
        const row = await updateCatalog(ctx, res, req.params.id, req.body as Record<string, unknown>);
        return presentCatalogRow(ctx, res, row);
      },
    );
}

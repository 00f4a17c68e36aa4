import { and, count, eq, getTableColumns, ilike, ne, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { ListQuery, Page } from '@cppcc/shared';
import type { ServiceContext } from '../../lib/actor';
import { diffFields, writeAudit } from '../../lib/audit';
import { AppError, notFound } from '../../lib/errors';
import { likePattern, orderBy, pageOffset, toPage } from '../../lib/list';
import { authorize, collectionOf, presentPolicies } from '../../lib/policy';
import type { XlsxColumn } from '../../lib/xlsx';

/** A table of one committee's organisation list: every such table has these columns. */
export type CatalogTable = PgTable & { id: AnyPgColumn; committeeId: AnyPgColumn };
export type CatalogRow = Record<string, unknown> & { id: number; committeeId: number };

/** A field that must be unique within the committee (name, phone …). */
export interface UniqueField {
  field: string;
  column: AnyPgColumn;
  label: string;
}

/**
 * Describes one simple organisation resource (sectors, units, staff …): its table, schemas, policy,
 * sorting, searching and export columns. The routes and use cases below are shared by all of them.
 */
export interface CatalogResource {
  /** URL segment under /api, e.g. `sectors`. */
  path: string;
  /** Policy resource name (policies/organisation.ts). */
  resource: string;
  /** Chinese name used in messages and audit summaries. */
  label: string;
  /** Base of the export file name, e.g. `界别列表`. */
  exportName: string;
  table: CatalogTable;
  createBody: z.ZodType<Record<string, unknown>>;
  updateBody: z.ZodType<Record<string, unknown>>;
  dto: z.ZodObject;
  /** Extra computed columns (counts, names of referenced records). */
  extra?: Record<string, SQL.Aliased>;
  sortable: Record<string, AnyColumn | SQL>;
  defaultSort: AnyColumn | SQL;
  searchColumns: AnyPgColumn[];
  unique: UniqueField[];
  exportColumns: XlsxColumn<CatalogRow>[];
  /** Checks of references and of the merged record before a write; `before` is the stored row on update. */
  validate?(ctx: ServiceContext, input: Record<string, unknown>, before?: CatalogRow): Promise<void>;
  /** A list query with extra filters (default: the common list query) and the conditions they add. */
  listQuery?: z.ZodType<ListQuery>;
  filters?(query: ListQuery): (SQL | undefined)[];
  /** Routes to register; all five by default. */
  routes?: ('list' | 'export' | 'read' | 'create' | 'update')[];
}

export { idParams } from '@cppcc/shared';

const exportRowLimit = 20_000;

function selection(res: CatalogResource) {
  return { ...getTableColumns(res.table), ...(res.extra ?? {}) };
}

function scopedWhere(ctx: ServiceContext, res: CatalogResource, query: ListQuery): SQL {
  const conditions: (SQL | undefined)[] = [eq(res.table.committeeId, ctx.actor.committeeId)];
  if (query.q) conditions.push(or(...res.searchColumns.map((c) => ilike(c, likePattern(query.q!)))));
  conditions.push(...(res.filters?.(query) ?? []));
  return and(...conditions)!;
}

/** Turns a row into the resource's DTO: only the DTO's fields, plus the viewer's abilities. */
export function presentCatalogRow(ctx: ServiceContext, res: CatalogResource, row: CatalogRow) {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(res.dto.shape)) if (key in row) out[key] = row[key];
  out.policies = presentPolicies(ctx.actor, res.resource, row);
  return out;
}

export async function listCatalog(
  ctx: ServiceContext,
  res: CatalogResource,
  query: ListQuery,
): Promise<Page<Record<string, unknown>> & { policies: Record<string, boolean> }> {
  authorize(ctx.actor, 'list', res.resource, collectionOf(ctx.actor));
  const where = scopedWhere(ctx, res, query);
  const order = orderBy(query, res.sortable, res.defaultSort);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select(selection(res))
      .from(res.table)
      .where(where)
      .orderBy(order, res.table.id)
      .limit(query.pageSize)
      .offset(pageOffset(query)),
    ctx.db.select({ n: count() }).from(res.table).where(where),
  ]);
  return {
    ...toPage(
      (rows as CatalogRow[]).map((r) => presentCatalogRow(ctx, res, r)),
      total?.n ?? 0,
      query,
    ),
    // Collection abilities (canCreate, canExport …) so the page shows only the allowed buttons.
    policies: presentPolicies(ctx.actor, res.resource, collectionOf(ctx.actor)),
  };
}

export async function exportCatalog(ctx: ServiceContext, res: CatalogResource, query: ListQuery) {
  authorize(ctx.actor, 'export', res.resource, collectionOf(ctx.actor));
  const rows = await ctx.db
    .select(selection(res))
    .from(res.table)
    .where(scopedWhere(ctx, res, query))
    .orderBy(orderBy(query, res.sortable, res.defaultSort), res.table.id)
    .limit(exportRowLimit);
  return rows as CatalogRow[];
}

/** Loads one row of the actor's committee; other committees' rows are simply not found. */
export async function findCatalogRow(
  ctx: ServiceContext,
  res: CatalogResource,
  id: number,
): Promise<CatalogRow> {
  const [row] = await ctx.db
    .select(selection(res))
    .from(res.table)
    .where(and(eq(res.table.id, id), eq(res.table.committeeId, ctx.actor.committeeId)));
  if (!row) throw notFound(res.label);
  return row as CatalogRow;
}

export async function getCatalog(ctx: ServiceContext, res: CatalogResource, id: number) {
  const row = await findCatalogRow(ctx, res, id);
  authorize(ctx.actor, 'read', res.resource, row);
  return row;
}

async function assertUnique(
  ctx: ServiceContext,
  res: CatalogResource,
  input: Record<string, unknown>,
  selfId?: number,
) {
  for (const u of res.unique) {
    const value = input[u.field];
    if (value === undefined || value === null || value === '') continue;
    const conditions = [eq(res.table.committeeId, ctx.actor.committeeId), eq(u.column, value)];
    if (selfId !== undefined) conditions.push(ne(res.table.id, selfId));
    const [clash] = await ctx.db
      .select({ id: res.table.id })
      .from(res.table)
      .where(and(...conditions))
      .limit(1);
    if (clash) {
      const message = `${u.label}“${String(value)}”已存在`;
      throw new AppError('DUPLICATE', message, { fields: [{ path: `body.${u.field}`, message }] });
    }
  }
}

export async function createCatalog(
  ctx: ServiceContext,
  res: CatalogResource,
  input: Record<string, unknown>,
) {
  authorize(ctx.actor, 'create', res.resource, collectionOf(ctx.actor));
  const id = await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    await assertUnique(txCtx, res, input);
    await res.validate?.(txCtx, input);
    const [created] = (await tx
      .insert(res.table)
      .values({ ...input, committeeId: ctx.actor.committeeId } as never)
      .returning({ id: res.table.id })) as { id: number }[];
    await writeAudit(tx, ctx.actor, {
      action: `${res.resource}.create`,
      targetType: res.resource,
      targetId: created!.id,
      summary: `新增${res.label}“${String(input.name ?? created!.id)}”`,
      changes: diffFields({}, input),
    });
    return created!.id;
  });
  return findCatalogRow(ctx, res, id);
}

export async function updateCatalog(
  ctx: ServiceContext,
  res: CatalogResource,
  id: number,
  input: Record<string, unknown>,
) {
  await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const before = await findCatalogRow(txCtx, res, id);
    authorize(ctx.actor, 'update', res.resource, before);
    await assertUnique(txCtx, res, input, id);
    await res.validate?.(txCtx, input, before);
    const changes = diffFields(before, input);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(res.table)
      .set(input as never)
      .where(and(eq(res.table.id, id), eq(res.table.committeeId, ctx.actor.committeeId)));
    await writeAudit(tx, ctx.actor, {
      action: `${res.resource}.update`,
      targetType: res.resource,
      targetId: id,
      summary: `修改${res.label}“${String(before.name ?? id)}”`,
      changes,
    });
  });
  return findCatalogRow(ctx, res, id);
}

/** `(select count(*) …)` of members pointing at the row, for the list's member counts. */
export const memberCountOf = (subquery: SQL) => sql<number>`(${subquery})`.mapWith(Number).as('member_count');

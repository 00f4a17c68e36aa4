import { asc, count, desc, type AnyColumn, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { ListQuery, Page } from '@cppcc/shared';
import type { DbOrTx } from '../db/client';
import { invalidField } from './errors';

/**
 * Resolves `sort`/`order` of a list query against the columns a list allows; anything else is refused.
 * Only the list's own keys count: `in` would also accept `__proto__`, `constructor`, `toString` …
 */
export function orderBy(
  query: Pick<ListQuery, 'sort' | 'order'>,
  sortable: Record<string, AnyColumn | SQL>,
  fallback: AnyColumn | SQL,
): SQL {
  if (query.sort && !Object.hasOwn(sortable, query.sort)) {
    throw invalidField(
      'query.sort',
      `不支持按“${query.sort}”排序，可用：${Object.keys(sortable).join('、')}`,
    );
  }
  const column = query.sort ? sortable[query.sort]! : fallback;
  return query.order === 'desc' ? desc(column) : asc(column);
}

export const pageOffset = (query: Pick<ListQuery, 'page' | 'pageSize'>) => (query.page - 1) * query.pageSize;

/** One page of a table's matching rows, newest first (ties by id), and how many match in all. */
export async function newestFirstPage<T extends PgTable & { id: AnyPgColumn; createdAt: AnyPgColumn }>(
  db: DbOrTx,
  table: T,
  where: SQL | undefined,
  query: Pick<ListQuery, 'page' | 'pageSize'>,
) {
  // Drizzle cannot type a select over a table known only by its shape; the row type is the table's.
  const rows = await db
    .select()
    .from(table as PgTable)
    .where(where)
    .orderBy(desc(table.createdAt), desc(table.id))
    .limit(query.pageSize)
    .offset(pageOffset(query));
  const [total] = await db
    .select({ n: count() })
    .from(table as PgTable)
    .where(where);
  return { rows: rows as T['$inferSelect'][], total: total?.n ?? 0 };
}

export function toPage<T>(items: T[], total: number, query: Pick<ListQuery, 'page' | 'pageSize'>): Page<T> {
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** Escapes LIKE wildcards so that a user's `%` or `_` matches literally. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

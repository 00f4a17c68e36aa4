import { getTableColumns, sql, type AnyColumn, type SQL, type Table } from 'drizzle-orm';

/**
 * Detail reads load a record's related rows in the same round trip as the record, as JSON arrays
 * (`jsonb_agg(to_jsonb(table))`). These helpers build such a column and turn its JSON back into the
 * rows Drizzle would have returned: camelCase keys and each column's own mapping (timestamps
 * become Dates, numeric strings numbers …), so presenters work on the same types either way.
 */

/** `coalesce(jsonb_agg(<row> order by …), '[]')` over `from` (a FROM … WHERE … fragment). */
export function jsonRows(row: SQL, from: SQL, orderBy?: SQL): SQL {
  return sql`(select coalesce(jsonb_agg(${row}${orderBy ? sql` order by ${orderBy}` : sql``}), '[]'::jsonb) ${from})`;
}

/** One table row from its `to_jsonb` form. */
export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): T['$inferSelect'] {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[column.name];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out as T['$inferSelect'];
}

/**
 * A column of the outer query inside a correlated subquery of a single-table select. Drizzle writes
 * such a select's top-level columns unqualified (`"id"`), which inside the subquery would name the
 * subquery's own column; nested one level, the column keeps its table (`"opinions"."id"`).
 */
export const outer = (column: AnyColumn) => sql`${column}`;

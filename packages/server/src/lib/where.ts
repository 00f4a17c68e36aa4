import { and, eq, exists, getTableColumns, sql, type AnyColumn, type SQL, type Table } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client';

type Row<T extends Table> = T['$inferSelect'];

/**
 * `column = value` (or `= other column`) for each entry, joined with `and`: the filter of a lookup by a
 * record's own keys, `columnsEqual(proposalUnits, { proposalId, unitId, active: true })`. Not for null:
 * `= null` matches no row.
 */
export function columnsEqual<T extends Table>(
  table: T,
  values: { [K in keyof Row<T>]?: Row<T>[K] | AnyColumn },
) {
  const columns = getTableColumns(table);
  return and(...Object.entries(values).map(([key, value]) => eq(columns[key]!, value)));
}

/** `exists (select 1 from table where …)`: the record has a related row that meets the conditions. */
export const existsRow = (db: DbOrTx, table: PgTable, ...conditions: (SQL | undefined)[]) =>
  exists(
    db
      .select({ one: sql`1` })
      .from(table)
      .where(and(...conditions)),
  );

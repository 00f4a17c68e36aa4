import { and, eq, getTableColumns, type AnyColumn, type Table } from 'drizzle-orm';

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

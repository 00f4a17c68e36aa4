import { and, eq, exists, getTableColumns, sql, type AnyColumn, type SQL, type Table } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
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

/** The year and quarter of an instant in the committee's time zone. */
const yearOf = (column: AnyPgColumn, timeZone: string) =>
  sql<number>`extract(year from ${column} at time zone ${timeZone})::int`;
const quarterOf = (column: AnyPgColumn, timeZone: string) =>
  sql<number>`extract(quarter from ${column} at time zone ${timeZone})::int`;

/** `year` and, when given, `quarter` of an instant column, as conditions. */
export function periodConditions(
  column: AnyPgColumn,
  period: { year?: number; quarter?: number },
  timeZone: string,
) {
  return [
    period.year ? sql`${yearOf(column, timeZone)} = ${period.year}` : undefined,
    period.quarter ? sql`${quarterOf(column, timeZone)} = ${period.quarter}` : undefined,
  ];
}

/** `from` … `to` (calendar days `YYYY-MM-DD`, both included) of an instant column in the time zone. */
export function dayRangeConditions(
  column: AnyPgColumn,
  range: { from?: string; to?: string },
  timeZone: string,
) {
  const day = sql`(${column} at time zone ${timeZone})::date`;
  return [
    range.from ? sql`${day} >= ${range.from}::date` : undefined,
    range.to ? sql`${day} <= ${range.to}::date` : undefined,
  ];
}

import type { BuildExtraConfigColumns } from 'drizzle-orm';
import {
  bigserial,
  integer,
  pgTable,
  serial,
  timestamp,
  type AnyPgColumn,
  type PgColumnBuilderBase,
  type PgTableExtraConfigValue,
  type ReferenceConfig,
} from 'drizzle-orm/pg-core';
import { committees } from './tenancy';

// Column builders the tables share. Each call returns a fresh builder: drizzle binds a builder to
// the one table it is declared in. Not re-exported from index.ts, so the schema lists only tables.

export const serialId = () => serial('id').primaryKey();
/** For logs, which may outgrow a 32-bit id. */
export const bigSerialId = () => bigserial('id', { mode: 'number' }).primaryKey();

export const timestampTz = (name: string) => timestamp(name, { withTimezone: true });
export const createdAt = () => timestampTz('created_at').notNull().defaultNow();
export const updatedAt = () => timestampTz('updated_at').notNull().defaultNow();

/** Optimistic lock: a write names the version it read and bumps it. */
export const version = () => integer('version').notNull().default(1);

export const requiredReference = (
  name: string,
  target: () => AnyPgColumn,
  actions?: ReferenceConfig['actions'],
) => integer(name).notNull().references(target, actions);

const committeeId = () => requiredReference('committee_id', () => committees.id);

type ColumnMap = Record<string, PgColumnBuilderBase>;

/** A table maker that puts the same leading key columns in front of each table's own. */
const tableLedBy =
  <TKeys extends ColumnMap>(keys: () => TKeys) =>
  <TName extends string, TColumns extends ColumnMap>(
    name: TName,
    columns: TColumns,
    extraConfig?: (self: BuildExtraConfigColumns<TName, TKeys & TColumns, 'pg'>) => PgTableExtraConfigValue[],
  ) =>
    pgTable<TName, TKeys & TColumns>(name, { ...keys(), ...columns }, extraConfig);

/** A table of one committee's records: `id` and `committee_id` lead, then the table's own columns. */
export const committeeTable = tableLedBy(() => ({ id: serialId(), committeeId: committeeId() }));
/** The same for a committee's logs, whose ids may outgrow 32 bits. */
export const committeeLogTable = tableLedBy(() => ({ id: bigSerialId(), committeeId: committeeId() }));

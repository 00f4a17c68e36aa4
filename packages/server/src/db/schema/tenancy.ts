import {
  bigint,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

/** A committee is a tenant; `parentId` links county → city → province (三级联动). */
export const committees = pgTable(
  'committees',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: text('level', { enum: ['county', 'city', 'province'] }).notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => committees.id),
    /** Locality rules (deadlines, limits, lists) that override the defaults in lib/settings.ts. */
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('committees_code_key').on(t.code)],
);

/**
 * A committee's data revision: one number that a trigger on each table the proposal lists and figures
 * read raises in every transaction that changes them (migration 0010). Counts and figures are kept with
 * the revision they were computed at and are valid while it stands (lib/revisions.ts).
 */
export const dataRevisions = pgTable('data_revisions', {
  committeeId: integer('committee_id')
    .primaryKey()
    .references(() => committees.id, { onDelete: 'cascade' }),
  revision: bigint('revision', { mode: 'number' }).notNull().default(0),
});

import {
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

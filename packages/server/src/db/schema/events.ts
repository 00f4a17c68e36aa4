import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { committees } from './tenancy';

/** Domain events emitted inside a change's transaction; kept even when no module subscribes yet. */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    committeeId: integer('committee_id')
      .notNull()
      .references(() => committees.id),
    name: text('name').notNull(),
    payload: jsonb('payload').notNull(),
    /** Subscribers that handled the event in the emitting transaction. */
    handledBy: text('handled_by').array().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('domain_events_name_idx').on(t.name, t.createdAt)],
);

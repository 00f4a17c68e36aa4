import { index, jsonb, text } from 'drizzle-orm/pg-core';
import { committeeLogTable, createdAt } from './columns';

/** Domain events emitted inside a change's transaction; kept even when no module subscribes yet. */
export const domainEvents = committeeLogTable(
  'domain_events',
  {
    name: text('name').notNull(),
    payload: jsonb('payload').notNull(),
    /** Subscribers that handled the event in the emitting transaction. */
    handledBy: text('handled_by').array().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [index('domain_events_name_idx').on(t.name, t.createdAt)],
);

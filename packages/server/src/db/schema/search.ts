import { sql } from 'drizzle-orm';
import { customType, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { committeeLogTable, timestampTz } from './columns';
import { committees } from './tenancy';

/** A `tsvector` column: the segmented terms of a record (lib/chinese-text.ts), with the `simple` config. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * One searchable record of any kind (proposal, opinion, activity, suggestion, member): its title, the
 * text its snippet is cut from, its terms and the fields the search filters by. Kept in step with the
 * source tables by modules/search/sync.ts; who may see a hit is decided by the record's own policy.
 */
export const searchEntries = committeeLogTable(
  'search_entries',
  {
    kind: text('kind').notNull(),
    recordId: integer('record_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    terms: tsvector('terms').notNull(),
    year: integer('year'),
    state: text('state'),
    category: text('category'),
    sectorId: integer('sector_id'),
    unitIds: integer('unit_ids').array().notNull().default([]),
    occurredAt: timestampTz('occurred_at'),
    sourceUpdatedAt: timestampTz('source_updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('search_entries_kind_record_key').on(t.kind, t.recordId),
    index('search_entries_terms_idx').using('gin', t.terms),
    index('search_entries_committee_kind_idx').on(t.committeeId, t.kind, t.occurredAt),
    // What the index holds of the rows changed lately (sync.ts reads them again inside its margin).
    index('search_entries_committee_source_idx').on(t.committeeId, t.kind, t.sourceUpdatedAt),
  ],
);

/** How far the index has read each kind's source table of a committee (rows updated up to this instant). */
export const searchWatermarks = pgTable(
  'search_watermarks',
  {
    committeeId: integer('committee_id')
      .notNull()
      .references(() => committees.id),
    kind: text('kind').notNull(),
    syncedUntil: timestampTz('synced_until')
      .notNull()
      .default(sql`'-infinity'`),
    /** A digest of the dictionary the entries were cut with: another dictionary re-indexes the kind. */
    dictionary: text('dictionary').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.kind] })],
);

import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { CommitteeSettings } from '@cppcc/shared';
import type { DbOrTx } from '../../db/client';
import { committees, searchEntries, searchWatermarks } from '../../db/schema';
import { addSearchWords, indexTerms } from '../../lib/chinese-text';
import { getSettings } from '../../lib/settings';
import { searchProviders, type SearchProvider } from './providers';

/**
 * Keeps the index in step with the records, lazily: before a search, each kind's rows updated since
 * the committee's watermark are (re)indexed. A write costs nothing extra; a search after a burst of
 * writes pays for segmenting them once. The watermark trails the newest row read by a margin, so a
 * transaction that committed late with an earlier `updated_at` is still read on the next search.
 */
const lateCommitMarginMs = 10_000;
const upsertBatch = 200;
/** The columns an upsert rewrites, by property and by column name (the row's own, as proposed). */
const excludedColumns = {
  title: 'title',
  body: 'body',
  terms: 'terms',
  year: 'year',
  state: 'state',
  category: 'category',
  sectorId: 'sector_id',
  unitIds: 'unit_ids',
  occurredAt: 'occurred_at',
  sourceUpdatedAt: 'source_updated_at',
};

async function syncKind(
  db: DbOrTx,
  committeeId: number,
  provider: SearchProvider,
  settings: CommitteeSettings,
  dictionary: string,
) {
  const [mark] = await db
    .select({ syncedUntil: searchWatermarks.syncedUntil, dictionary: searchWatermarks.dictionary })
    .from(searchWatermarks)
    .where(and(eq(searchWatermarks.committeeId, committeeId), eq(searchWatermarks.kind, provider.kind)));
  // Words added to the dictionary change how every record is cut: the kind is indexed again.
  const recut = !mark || mark.dictionary !== dictionary;
  const since = recut ? new Date(0) : mark.syncedUntil;
  const rows = await provider.changedSince(db, committeeId, since, settings);
  let newest = since;
  const entries = rows.map((r) => {
    if (r.updatedAt > newest) newest = r.updatedAt;
    // Title words weigh more in the ranking than the body's.
    const titleTerms = indexTerms(`${r.title} ${r.hidden ?? ''}`).join(' ');
    const bodyTerms = indexTerms(r.body).join(' ');
    return {
      committeeId,
      kind: provider.kind,
      recordId: r.recordId,
      title: r.title,
      body: r.body.slice(0, 4000),
      terms: sql`setweight(to_tsvector('simple', ${titleTerms}), 'A') || to_tsvector('simple', ${bodyTerms})`,
      year: r.year,
      state: r.state,
      category: r.category,
      sectorId: r.sectorId,
      unitIds: r.unitIds,
      occurredAt: r.occurredAt,
      sourceUpdatedAt: r.updatedAt,
    };
  });
  // Many rows per statement: a re-index of 100,000 records is 500 round trips, not 100,000.
  for (let i = 0; i < entries.length; i += upsertBatch) {
    await db
      .insert(searchEntries)
      .values(entries.slice(i, i + upsertBatch) as never)
      .onConflictDoUpdate({
        target: [searchEntries.kind, searchEntries.recordId],
        set: Object.fromEntries(
          Object.entries(excludedColumns).map(([key, column]) => [key, sql.raw(`excluded.${column}`)]),
        ) as never,
        // Rows re-read inside the margin are written again only when they changed.
        setWhere: recut ? undefined : sql`${searchEntries.sourceUpdatedAt} <> excluded.source_updated_at`,
      });
  }
  if (rows.length === 0 && mark?.dictionary === dictionary) return 0;
  const until = new Date(Math.max(since.getTime(), newest.getTime() - lateCommitMarginMs));
  await db
    .insert(searchWatermarks)
    .values({ committeeId, kind: provider.kind, syncedUntil: until, dictionary })
    .onConflictDoUpdate({
      target: [searchWatermarks.committeeId, searchWatermarks.kind],
      set: { syncedUntil: until, dictionary },
    });
  return rows.length;
}

/** Brings the committee's index up to date for every kind (the committee's own words loaded first). */
export async function syncSearchIndex(db: DbOrTx, committeeId: number, settings: CommitteeSettings) {
  addSearchWords(settings.searchDictionary);
  const dictionary = createHash('sha256')
    .update([...settings.searchDictionary].sort().join('\n'))
    .digest('hex')
    .slice(0, 16);
  let indexed = 0;
  for (const provider of searchProviders)
    indexed += await syncKind(db, committeeId, provider, settings, dictionary);
  return indexed;
}

/**
 * Indexes what changed in every committee, so that the first search after a start or a quiet spell
 * does not pay for it. Run in the background; searches still bring their committee up to date.
 */
export async function syncAllSearchIndexes(db: DbOrTx) {
  for (const { id } of await db.select({ id: committees.id }).from(committees))
    await syncSearchIndex(db, id, await getSettings(db, id));
}

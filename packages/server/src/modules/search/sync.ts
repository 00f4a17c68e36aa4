import { createHash } from 'node:crypto';
import { and, eq, gte, sql } from 'drizzle-orm';
import type { CommitteeSettings } from '@cppcc/shared';
import type { DbOrTx } from '../../db/client';
import { committees, searchEntries, searchWatermarks } from '../../db/schema';
import { addSearchWords, indexTerms } from '../../lib/chinese-text';
import { getSettings } from '../../lib/settings';
import { searchProviders, type SearchProvider } from './providers';

/**
 * Keeps the index in step with the records, lazily: before a search, each kind's rows updated since
 * the committee's watermark are (re)indexed. A write costs nothing extra; a search after a burst of
 * writes pays for segmenting them once. The watermark stays a margin behind the present, so a
 * transaction that committed late with an earlier `updated_at` is still read on the next search; rows
 * read again inside it are cut again only if they changed.
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
  mark: { syncedUntil: Date; dictionary: string } | undefined,
) {
  // Words added to the dictionary change how every record is cut: the kind is indexed again.
  const recut = !mark || mark.dictionary !== dictionary;
  const since = recut ? new Date(0) : mark.syncedUntil;
  const rows = await provider.changedSince(db, committeeId, since, settings);
  let newest = since;
  for (const r of rows) if (r.updatedAt > newest) newest = r.updatedAt;
  // Rows read again inside the margin are mostly indexed already: only changed ones are cut again.
  const indexed =
    recut || rows.length === 0
      ? new Map<number, number>()
      : await indexedVersions(db, committeeId, provider, since);
  const changed = rows.filter((r) => indexed.get(r.recordId) !== r.updatedAt.getTime());
  const entries = changed.map((r) => {
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
  // Behind the newest row only while rows are recent: once the margin has passed, nothing is read twice.
  // (Past the newest row by a millisecond: times come back in milliseconds, the database keeps microseconds.)
  const settled = Date.now() - lateCommitMarginMs;
  const until = new Date(
    newest.getTime() < settled ? newest.getTime() + 1 : Math.max(since.getTime(), settled),
  );
  await db
    .insert(searchWatermarks)
    .values({ committeeId, kind: provider.kind, syncedUntil: until, dictionary })
    .onConflictDoUpdate({
      target: [searchWatermarks.committeeId, searchWatermarks.kind],
      set: { syncedUntil: until, dictionary },
    });
  return changed.length;
}

/** When each entry of the kind indexed from a row changed since `since` was taken from its record. */
async function indexedVersions(db: DbOrTx, committeeId: number, provider: SearchProvider, since: Date) {
  const rows = await db
    .select({ recordId: searchEntries.recordId, at: searchEntries.sourceUpdatedAt })
    .from(searchEntries)
    .where(
      and(
        eq(searchEntries.committeeId, committeeId),
        eq(searchEntries.kind, provider.kind),
        gte(searchEntries.sourceUpdatedAt, since),
      ),
    );
  return new Map(rows.map((r) => [r.recordId, r.at.getTime()]));
}

/** Brings the committee's index up to date for every kind (the committee's own words loaded first). */
export async function syncSearchIndex(db: DbOrTx, committeeId: number, settings: CommitteeSettings) {
  addSearchWords(settings.searchDictionary);
  const dictionary = createHash('sha256')
    .update([...settings.searchDictionary].sort().join('\n'))
    .digest('hex')
    .slice(0, 16);
  const marks = new Map(
    (
      await db
        .select({
          kind: searchWatermarks.kind,
          syncedUntil: searchWatermarks.syncedUntil,
          dictionary: searchWatermarks.dictionary,
        })
        .from(searchWatermarks)
        .where(eq(searchWatermarks.committeeId, committeeId))
    ).map((m) => [m.kind, m]),
  );
  let indexed = 0;
  for (const provider of searchProviders)
    indexed += await syncKind(db, committeeId, provider, settings, dictionary, marks.get(provider.kind));
  return indexed;
}

/**
 * Indexes what changed in every committee, so that the first search after a start or a quiet spell
 * does not pay for it; then `afterEach` (main.ts: word frequencies and suggestion models read again)
 * for each committee. Run in the background; searches still bring their committee up to date.
 */
export async function syncAllSearchIndexes(
  db: DbOrTx,
  afterEach: (committeeId: number) => Promise<unknown> = async () => undefined,
) {
  for (const { id } of await db.select({ id: committees.id }).from(committees)) {
    await syncSearchIndex(db, id, await getSettings(db, id));
    await afterEach(id);
  }
}

import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import {
  searchKindLabels,
  type SearchHit,
  type SearchKind,
  type SearchQuery,
  type SearchResult,
} from '@cppcc/shared';
import { searchEntries } from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import { excerpt, highlight, queryTerms } from '../../lib/chinese-text';
import { getSettings } from '../../lib/settings';
import { searchProviders } from './providers';
import { syncSearchIndex } from './sync';

/**
 * The most hits of one kind ranked and checked against the records' policies for one query (ten pages
 * of twenty); a kind that reaches it is counted as "200+". Ranking is the cost of a common word (学校
 * in one record of nine at 100,000 proposals): every match is read, so more pages are not cheaper.
 */
export const hitsPerKindCap = 200;

/**
 * A query as a `tsquery`: every word must match, each as a prefix of an indexed word (电动 finds 电动车,
 * `weiyang` finds 魏央超's pinyin). Words are quoted, so nothing in them is read as an operator.
 */
function tsquery(terms: string[]): SQL {
  const text = terms.map((t) => `'${t.replace(/'/g, "''").replace(/\\/g, '\\\\')}':*`).join(' & ');
  return sql`to_tsquery('simple', ${text})`;
}

/**
 * The global search: the committee's index brought up to date, then per kind the best matches by
 * rank, of which only those the record's own policy lets the actor read are kept (and counted).
 */
export async function search(ctx: ServiceContext, query: SearchQuery): Promise<SearchResult> {
  const { db, actor } = ctx;
  const settings = await getSettings(db, actor.committeeId);
  await syncSearchIndex(db, actor.committeeId, settings);
  const terms = queryTerms(query.q);
  const counts = Object.fromEntries(searchProviders.map((p) => [p.kind, 0])) as Record<SearchKind, number>;
  if (terms.length === 0)
    return { items: [], total: 0, page: query.page, pageSize: query.pageSize, counts, capped: [], terms };
  const q = tsquery(terms);
  const score = sql<number>`ts_rank(${searchEntries.terms}, ${q})`;
  // Ranked and checked first, each kind on its own connection where there are several; only the page
  // shown is read in full and marked.
  const ranked = await Promise.all(
    searchProviders
      .filter((provider) => provider.searchable(actor))
      .map(async (provider) => {
        const rows = await db
          .select({
            recordId: searchEntries.recordId,
            title: searchEntries.title,
            year: searchEntries.year,
            occurredAt: searchEntries.occurredAt,
            score,
          })
          .from(searchEntries)
          .where(
            and(
              eq(searchEntries.committeeId, actor.committeeId),
              eq(searchEntries.kind, provider.kind),
              sql`${searchEntries.terms} @@ ${q}`,
              query.year ? eq(searchEntries.year, query.year) : undefined,
              query.state ? eq(searchEntries.state, query.state) : undefined,
              query.category ? eq(searchEntries.category, query.category) : undefined,
              query.sectorId ? eq(searchEntries.sectorId, query.sectorId) : undefined,
              query.unitId ? sql`${query.unitId} = any(${searchEntries.unitIds})` : undefined,
            ),
          )
          .orderBy(desc(score), desc(searchEntries.occurredAt))
          .limit(hitsPerKindCap);
        const visible =
          rows.length === 0
            ? new Map<number, { detail: string; link: string }>()
            : await provider.visible(
                db,
                actor,
                rows.map((r) => r.recordId),
                settings,
              );
        return { provider, rows, visible };
      }),
  );
  const hits: (Omit<SearchHit, 'title' | 'snippet'> & { title: string; at: number })[] = [];
  const capped: SearchKind[] = [];
  for (const { provider, rows, visible } of ranked) {
    if (rows.length === hitsPerKindCap) capped.push(provider.kind);
    for (const r of rows) {
      const shown = visible.get(r.recordId);
      if (!shown) continue;
      counts[provider.kind]++;
      if (query.kind && query.kind !== provider.kind) continue;
      hits.push({
        kind: provider.kind,
        kindLabel: searchKindLabels[provider.kind],
        id: r.recordId,
        title: r.title,
        detail: shown.detail,
        date: r.occurredAt ? r.occurredAt.toISOString() : null,
        year: r.year,
        link: shown.link,
        score: Math.round(Number(r.score) * 1000) / 1000,
        at: r.occurredAt?.getTime() ?? 0,
      });
    }
  }
  hits.sort((a, b) => (query.sort === 'date' ? b.at - a.at : b.score - a.score || b.at - a.at));
  const start = (query.page - 1) * query.pageSize;
  const page = hits.slice(start, start + query.pageSize);
  const bodies = new Map(
    page.length === 0
      ? []
      : (
          await db
            .select({ kind: searchEntries.kind, recordId: searchEntries.recordId, body: searchEntries.body })
            .from(searchEntries)
            .where(
              and(
                eq(searchEntries.committeeId, actor.committeeId),
                sql`(${searchEntries.kind}, ${searchEntries.recordId}) in (${sql.join(
                  page.map((h) => sql`(${h.kind}, ${h.id})`),
                  sql`, `,
                )})`,
              ),
            )
        ).map((r) => [`${r.kind}:${r.recordId}`, r.body]),
  );
  const items: SearchHit[] = page.map(({ at: _at, title, ...hit }) => ({
    ...hit,
    title: highlight(title, terms),
    snippet: highlight(excerpt(bodies.get(`${hit.kind}:${hit.id}`) ?? '', terms), terms),
  }));
  return { items, total: hits.length, page: query.page, pageSize: query.pageSize, counts, capped, terms };
}

import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  defaultSettings,
  dutyLevelLabels,
  formatProposalNumber,
  opinionStateLabels,
  proposalStateLabels,
  searchKindLabels,
  type CommitteeSettings,
  type OpinionLevel,
  type OpinionState,
  type ProposalState,
  type SimilarItem,
  type SimilarKind,
  type SimilarRequest,
  type SimilarResult,
} from '@cppcc/shared';
import type { DbOrTx } from '../../db/client';
import { members, opinionLedger, opinions, proposals, searchEntries } from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import {
  indexedTermVector,
  inverseFrequency,
  isExactDuplicate,
  similarityTo,
  templateSentences,
  termVector,
  withoutSentences,
  type TermStats,
  type TermVector,
} from '../../lib/similarity';
import { authorize, collectionOf } from '../../lib/policy';
import { getSettings } from '../../lib/settings';
import { providerOf } from './providers';
import { syncSearchIndex } from './sync';

/**
 * Records like a text, across proposals and opinions of every year: the index's entries sharing the
 * text's rarest words are read (GIN), then compared word by word (lib/similarity.ts). The evaluation
 * (`npm run eval:search`) measures the default threshold.
 */
export const duplicateThreshold = defaultSettings.duplicatePercent / 100;

/** Entries read per query before comparing; the rarest words find a duplicate among the first. */
const candidateCap = 60;
const shownCap = 10;
/** The text's words by weight that look the candidates up. */
const lookupTerms = 12;
/** The words always looked up, however common, and the records the others may add up to. */
const minLookupTerms = 3;
const lookupRowBudget = 5000;

/** Records that were handed in: a draft or a withdrawn text is nobody's duplicate. */
const handedIn: Record<SimilarKind, string[]> = {
  proposal: [
    'submitted',
    'reviewing',
    'returned',
    'rejected',
    'merged',
    'accepted',
    'assigned',
    'answered',
    'rehandling',
    'closed',
  ],
  opinion: ['submitted', 'editing', 'returned', 'adopted', 'combined', 'archived'],
};
/** What every member of the committee may know of (立案目录, 《社情民意》), when the setting says so. */
const published: Record<SimilarKind, string[]> = {
  proposal: ['accepted', 'assigned', 'answered', 'rehandling', 'closed'],
  opinion: ['adopted'],
};

/** Word frequencies of a committee's index, read again at most every few minutes (they move slowly). */
const statsTtlMs = 5 * 60_000;
const smallIndex = 1000;
const smallIndexTtlMs = 10_000;
const statsCache = new Map<number, { stats: TermStats; at: number; loading?: Promise<TermStats> }>();

async function readTermStats(db: DbOrTx, committeeId: number): Promise<TermStats> {
  // ts_stat takes its query as text; the committee id is a number from the session, not user input.
  const inner = `select terms from search_entries where committee_id = ${Number(committeeId)}`;
  const { rows } = await db.execute<{ word: string; ndoc: number }>(
    sql`select word, ndoc from ts_stat(${inner})`,
  );
  const [total] = await db
    .select({ documents: sql<number>`count(*)::int` })
    .from(searchEntries)
    .where(eq(searchEntries.committeeId, committeeId));
  const documents = Number(total?.documents ?? 0);
  const counts = new Map(rows.map((r) => [r.word, Number(r.ndoc)]));
  return { documents, frequency: (t) => counts.get(t) ?? 0 };
}

/**
 * The committee's word frequencies. Stale figures serve while fresh ones are read; the background job
 * of main.ts reads them again every few minutes, so a request reads them only the first time.
 */
export async function termStats(db: DbOrTx, committeeId: number): Promise<TermStats> {
  const cached = statsCache.get(committeeId);
  // A small index changes shape with every record (a new committee's first weeks): read it again soon.
  const ttl = cached && cached.stats.documents < smallIndex ? smallIndexTtlMs : statsTtlMs;
  if (cached && Date.now() - cached.at < ttl) return cached.stats;
  if (cached) {
    if (!cached.loading) void refreshTermStats(db, committeeId).catch(() => undefined);
    return cached.stats;
  }
  return refreshTermStats(db, committeeId);
}

/** Reads the committee's word frequencies again now (once at a time per committee). */
export function refreshTermStats(db: DbOrTx, committeeId: number): Promise<TermStats> {
  const cached = statsCache.get(committeeId);
  if (cached?.loading) return cached.loading;
  const loading = readTermStats(db, committeeId);
  if (cached) cached.loading = loading;
  return loading
    .then((stats) => {
      statsCache.set(committeeId, { stats, at: Date.now() });
      return stats;
    })
    .finally(() => {
      if (cached) cached.loading = undefined;
    });
}

/** Forgets the word frequencies (tests that build an index and compare at once). */
export function forgetTermStats() {
  statsCache.clear();
}

function lookupQuery(vector: TermVector, stats: TermStats) {
  const words = [...vector.entries()]
    .map(([term, weight]) => ({ term, weight: weight * inverseFrequency(stats, term) }))
    // A word no record has finds nothing: the rarest words that some record has come first.
    .sort(
      (a, b) =>
        Number(stats.frequency(b.term) > 0) - Number(stats.frequency(a.term) > 0) || b.weight - a.weight,
    )
    .slice(0, lookupTerms);
  // Every record a word is in gets ranked: once a few words are taken, common ones are left out so
  // that a text of everyday words does not rank a large share of the index.
  const taken: string[] = [];
  let rows = 0;
  for (const { term } of words) {
    const df = stats.frequency(term);
    if (taken.length >= minLookupTerms && rows + df > lookupRowBudget) continue;
    taken.push(`'${term.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`);
    rows += df;
  }
  return taken.length === 0 ? null : sql`to_tsquery('simple', ${taken.join(' | ')})`;
}

interface Candidate {
  kind: SimilarKind;
  recordId: number;
  title: string;
  body: string;
  year: number | null;
  state: string;
  score: number;
  exact: boolean;
}

/** The committee's handed-in records most like the text, best first, with their similarity. */
export async function similarCandidates(
  db: DbOrTx,
  committeeId: number,
  text: { title: string; content: string },
  kinds: readonly SimilarKind[],
  settings: CommitteeSettings,
  except?: { kind: SimilarKind; id: number },
): Promise<Candidate[]> {
  const vector = termVector(text.title, text.content);
  const stats = await termStats(db, committeeId);
  const q = lookupQuery(vector, stats);
  if (!q) return [];
  const rows = await db
    .select({
      kind: searchEntries.kind,
      recordId: searchEntries.recordId,
      title: searchEntries.title,
      body: searchEntries.body,
      terms: sql<string>`${searchEntries.terms}::text`,
      year: searchEntries.year,
      state: searchEntries.state,
    })
    .from(searchEntries)
    .where(
      and(
        eq(searchEntries.committeeId, committeeId),
        sql`${searchEntries.terms} @@ ${q}`,
        sql`(${sql.join(
          kinds.map(
            (k) =>
              sql`(${searchEntries.kind} = ${k} and ${searchEntries.state} in (${sql.join(
                handedIn[k].map((s) => sql`${s}`),
                sql`, `,
              )}))`,
          ),
          sql` or `,
        )})`,
        except
          ? sql`not (${searchEntries.kind} = ${except.kind} and ${searchEntries.recordId} = ${except.id})`
          : undefined,
      ),
    )
    .orderBy(sql`ts_rank(${searchEntries.terms}, ${q}) desc`)
    .limit(candidateCap);
  const templates = templateSentences(
    text.content,
    rows.map((r) => r.body),
  );
  const scoreOf = similarityTo(
    templates.length > 0 ? termVector(text.title, withoutSentences(text.content, templates)) : vector,
    stats,
  );
  // A candidate written from the same template is compared without it; the others by their entry's
  // words as indexed, so that the 60 candidates are not cut again.
  const vectorOf = (r: (typeof rows)[number]) =>
    templates.some((t) => r.body.includes(t))
      ? termVector(r.title, withoutSentences(r.body, templates))
      : indexedTermVector(r.terms);
  const floor = settings.similarHintPercent / 100;
  return rows
    .map((r) => ({
      kind: r.kind as SimilarKind,
      recordId: r.recordId,
      title: r.title,
      body: r.body,
      year: r.year,
      state: r.state ?? '',
      score: scoreOf(vectorOf(r)),
      exact: isExactDuplicate({ title: text.title, body: text.content }, r),
    }))
    .filter((c) => c.exact || c.score >= floor)
    .sort((a, b) => Number(b.exact) - Number(a.exact) || b.score - a.score);
}

/** What came of each proposal and opinion: state, answer category, the levels that adopted it. */
async function outcomes(db: DbOrTx, committeeId: number, found: Candidate[], settings: CommitteeSettings) {
  const ids = (kind: SimilarKind) => found.filter((c) => c.kind === kind).map((c) => c.recordId);
  const out = new Map<
    string,
    { outcome: string; author: string | null; sessionId: number | null; number: number | null }
  >();
  const proposalIds = ids('proposal');
  if (proposalIds.length > 0) {
    const rows = await db
      .select({
        id: proposals.id,
        state: proposals.state,
        answerCategory: proposals.answerCategory,
        sessionId: proposals.sessionId,
        number: proposals.number,
        author: members.name,
      })
      .from(proposals)
      .innerJoin(members, eq(members.id, proposals.leadMemberId))
      .where(and(eq(proposals.committeeId, committeeId), inArray(proposals.id, proposalIds)));
    for (const r of rows) {
      const answer = settings.answerCategories.find((c) => c.code === r.answerCategory);
      const outcome = [
        proposalStateLabels[r.state as ProposalState],
        answer && `答复${answer.code}类（${answer.label}）`,
      ]
        .filter(Boolean)
        .join(' · ');
      out.set(`proposal:${r.id}`, { outcome, author: r.author, sessionId: r.sessionId, number: r.number });
    }
  }
  const opinionIds = ids('opinion');
  if (opinionIds.length > 0) {
    const rows = await db
      .select({
        id: opinions.id,
        state: opinions.state,
        author: members.name,
        levels: sql<
          string[]
        >`coalesce((select array_agg(${opinionLedger.level}) from ${opinionLedger} where ${opinionLedger.opinionId} = ${opinions.id} and ${opinionLedger.event} = 'adopted'), '{}')`,
      })
      .from(opinions)
      .leftJoin(members, eq(members.id, opinions.leadMemberId))
      .where(and(eq(opinions.committeeId, committeeId), inArray(opinions.id, opinionIds)));
    const order = Object.keys(dutyLevelLabels);
    for (const r of rows) {
      const levels = [...r.levels].sort((a, b) => order.indexOf(a) - order.indexOf(b));
      const adopted =
        levels.length > 0 ? `${levels.map((l) => dutyLevelLabels[l as OpinionLevel]).join('、')}采用` : null;
      out.set(`opinion:${r.id}`, {
        outcome: [opinionStateLabels[r.state as OpinionState], adopted].filter(Boolean).join(' · '),
        author: r.author,
        sessionId: null,
        number: null,
      });
    }
  }
  return out;
}

/**
 * The similar records the actor is shown: those their policies let them open, and — when the
 * committee lists them — accepted proposals and adopted opinions by title and outcome only.
 */
async function present(
  ctx: ServiceContext,
  found: Candidate[],
  settings: CommitteeSettings,
): Promise<SimilarResult> {
  const { db, actor } = ctx;
  const readable = new Map<SimilarKind, Map<number, { link: string }>>();
  for (const kind of new Set(found.map((c) => c.kind)))
    readable.set(
      kind,
      await providerOf(kind).visible(
        db,
        actor,
        found.filter((c) => c.kind === kind).map((c) => c.recordId),
        settings,
      ),
    );
  const shown = found
    .filter(
      (c) =>
        readable.get(c.kind)?.has(c.recordId) ||
        (settings.similarHintListsPublished && published[c.kind].includes(c.state)),
    )
    .slice(0, shownCap);
  const facts = await outcomes(db, actor.committeeId, shown, settings);
  const threshold = settings.duplicatePercent / 100;
  const items: SimilarItem[] = shown.map((c) => {
    const link = readable.get(c.kind)?.get(c.recordId)?.link ?? null;
    const fact = facts.get(`${c.kind}:${c.recordId}`);
    return {
      kind: c.kind,
      kindLabel: searchKindLabels[c.kind],
      id: c.recordId,
      title: c.title,
      year: c.year,
      state: c.state,
      stateLabel:
        c.kind === 'proposal'
          ? proposalStateLabels[c.state as ProposalState]
          : opinionStateLabels[c.state as OpinionState],
      outcome: fact?.outcome ?? '',
      author: link ? (fact?.author ?? null) : null,
      score: Math.round(c.score * 100) / 100,
      exact: c.exact,
      likelyDuplicate: c.exact || c.score >= threshold,
      link,
      sessionId: fact?.sessionId ?? null,
      numberLabel: fact?.number ? formatProposalNumber(fact.number) : null,
    };
  });
  return { items, duplicateThreshold: threshold };
}

/** Records like a text being written (not yet saved). */
export async function similarToText(ctx: ServiceContext, input: SimilarRequest): Promise<SimilarResult> {
  const settings = await getSettings(ctx.db, ctx.actor.committeeId);
  await syncSearchIndex(ctx.db, ctx.actor.committeeId, settings);
  const found = await similarCandidates(ctx.db, ctx.actor.committeeId, input, input.kinds, settings);
  return present(ctx, found, settings);
}

/** Records like one the actor may read (a proposal at review, an opinion being edited); null if not found. */
export async function similarToRecord(
  ctx: ServiceContext,
  kind: SimilarKind,
  id: number,
): Promise<SimilarResult | null> {
  const { db, actor } = ctx;
  const settings = await getSettings(db, actor.committeeId);
  const visible = await providerOf(kind).visible(db, actor, [id], settings);
  if (!visible.has(id)) return null;
  // A review tool: the staff who review proposals or edit opinions; a proposer reading their own is refused.
  if (kind === 'proposal') authorize(actor, 'review', 'proposals', collectionOf(actor));
  else authorize(actor, 'edit', 'opinions', collectionOf(actor));
  const table = kind === 'proposal' ? proposals : opinions;
  const [record] = await db
    .select({ title: table.title, content: table.content })
    .from(table)
    .where(and(eq(table.id, id), eq(table.committeeId, actor.committeeId)));
  if (!record) return null;
  await syncSearchIndex(db, actor.committeeId, settings);
  const found = await similarCandidates(db, actor.committeeId, record, ['proposal', 'opinion'], settings, {
    kind,
    id,
  });
  return present(ctx, found, settings);
}

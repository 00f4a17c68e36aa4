import { indexTerms } from './chinese-text';

/**
 * How alike two texts are, for duplicate hints: each text is its words (the search index's cut) weighted
 * by how often the text says them (sublinearly, title words twice) and how rare they are in the
 * committee's records, compared by cosine. Two members
 * writing about the same matter share its rare words (加装电梯, 雨污分流) whatever else they say; two
 * texts of one area share only the area's common words (老旧小区, 改造), which weigh little.
 */

/** A text as its distinct words, each weighted 1 + ln(its count), a title's word counting twice. */
export type TermVector = Map<string, number>;

export const titleWeight = 2;

/**
 * Words nearly every proposal's title and suggestions use: they say what is asked for (完善, 加强),
 * never which matter. Weighed by rarity they would sink anyway in a large committee; a new committee
 * with a few dozen records would otherwise find 完善生育支持政策 like 完善加装电梯扶持政策.
 */
const genericWords = new Set(
  (
    '完善 加强 推进 加快 推动 进一步 健全 建立 建设 提升 促进 优化 规范 落实 强化 做好 深化 支持 扶持 ' +
    '政策 工作 措施 机制 体系 发展 管理 服务 相关 有关 部门 我县 全县 城区 目前 存在 情况 方面 一是 二是 三是 四是'
  ).split(' '),
);

export function termVector(title: string, body: string): TermVector {
  const counts: TermVector = new Map();
  const add = (text: string, weight: number) => {
    for (const term of indexTerms(text))
      if (!genericWords.has(term)) counts.set(term, (counts.get(term) ?? 0) + weight);
  };
  add(body, 1);
  add(title, titleWeight);
  return sublinear(withoutParts(counts));
}

/** A word said again and again names the matter, but the tenth time tells less than the second. */
function sublinear(counts: Map<string, number>): TermVector {
  const vector: TermVector = new Map();
  for (const [term, count] of counts) vector.set(term, 1 + Math.log(count));
  return vector;
}

/**
 * Without the pieces the search-mode cut adds inside a longer word (退役军人 → 退役、军人): said only
 * as parts of it, they would count the one word three times, and two texts of one area (退役军人
 * 就业, 退役军人服务站) would look alike for the area's name alone. A piece also said on its own more
 * often than the word it is part of stays.
 */
function withoutParts(counts: Map<string, number>): Map<string, number> {
  const parts = new Set<string>();
  for (const [word, count] of counts) {
    if (word.length < 3) continue;
    for (let start = 0; start < word.length; start++)
      for (let end = start + 2; end <= word.length; end++) {
        if (end - start === word.length) continue;
        const part = word.slice(start, end);
        const partCount = counts.get(part);
        if (partCount !== undefined && partCount <= count) parts.add(part);
      }
  }
  if (parts.size === 0) return counts;
  return new Map([...counts].filter(([term]) => !parts.has(term)));
}

/**
 * The same vector read from a record's search entry (its `tsvector` as text, `'word':1A,7 …`), without
 * cutting the text again: a title's positions carry weight A (modules/search/sync.ts).
 */
export function indexedTermVector(tsvectorText: string): TermVector {
  const counts = new Map<string, number>();
  for (const [, quoted, positions] of tsvectorText.matchAll(/'((?:[^']|'')*)'(?::(\S+))?/g)) {
    const term = quoted!.replace(/''/g, "'").replace(/\\(.)/g, '$1');
    if (genericWords.has(term)) continue;
    let count = 0;
    for (const position of (positions ?? '1').split(',')) count += position.endsWith('A') ? titleWeight : 1;
    counts.set(term, count);
  }
  return sublinear(withoutParts(counts));
}

/** A text's sentences (split after 。！？；), without the marks. */
const sentencesOf = (text: string) =>
  text
    .split(/[。！？；!?;\n]+/)
    .map((x) => x.trim())
    .filter((x) => x.length > 0);

/**
 * Sentences of a text that several other records carry word for word: a template (a topic's standard
 * background, a committee's closing formula), not the matter. Left out before comparing, they would
 * make every record written from the template look like a duplicate of every other.
 */
export function templateSentences(text: string, others: readonly string[], minRecords = 2): string[] {
  return sentencesOf(text).filter(
    (sentence) => sentence.length >= 12 && others.filter((o) => o.includes(sentence)).length >= minRecords,
  );
}

export function withoutSentences(text: string, sentences: readonly string[]): string {
  let out = text;
  for (const sentence of sentences) out = out.split(sentence).join('');
  return out;
}

/** In how many of the committee's records each word occurs, and how many records there are. */
export interface TermStats {
  documents: number;
  frequency(term: string): number;
}

/** A word's weight: rarer words tell more; a word found nowhere weighs as if found once. */
export function inverseFrequency(stats: TermStats, term: string): number {
  return Math.log((stats.documents + 1) / (Math.max(stats.frequency(term), 1) + 0.5));
}

function weighted(vector: TermVector, stats: TermStats) {
  const out = new Map<string, number>();
  let norm = 0;
  for (const [term, weight] of vector) {
    const w = weight * inverseFrequency(stats, term);
    if (w <= 0) continue;
    out.set(term, w);
    norm += w * w;
  }
  return { weights: out, norm: Math.sqrt(norm) };
}

/** Cosine of one text's weighted words with many others' (0 nothing shared, 1 the same words). */
export function similarityTo(a: TermVector, stats: TermStats) {
  const wa = weighted(a, stats);
  return (b: TermVector) => {
    const wb = weighted(b, stats);
    if (wa.norm === 0 || wb.norm === 0) return 0;
    let dot = 0;
    for (const [term, w] of wa.weights) dot += w * (wb.weights.get(term) ?? 0);
    return dot / (wa.norm * wb.norm);
  };
}

/** Cosine of the two texts' weighted words: 0 (nothing shared) to 1 (the same words). */
export function similarity(a: TermVector, b: TermVector, stats: TermStats): number {
  return similarityTo(a, stats)(b);
}

/** The text without spaces, punctuation and the wrapper every title has (关于……的提案/建议). */
export function normalisedText(text: string): string {
  return text
    .replace(/[\p{P}\p{S}\p{Z}\s]+/gu, '')
    .replace(/^关于/, '')
    .replace(/的(提案|建议|意见|报告)$/, '')
    .toLowerCase();
}

/** The same title or the same body, whatever the spacing and punctuation: a copy, not a neighbour. */
export function isExactDuplicate(
  a: { title: string; body: string },
  b: { title: string; body: string },
): boolean {
  const title = normalisedText(a.title);
  const body = normalisedText(a.body);
  return (
    (title.length > 0 && title === normalisedText(b.title)) ||
    (body.length >= 20 && body === normalisedText(b.body))
  );
}

/** Word frequencies counted over a set of texts (the evaluation, and tests). */
export function statsOf(vectors: readonly TermVector[]): TermStats {
  const counts = new Map<string, number>();
  for (const v of vectors) for (const term of v.keys()) counts.set(term, (counts.get(term) ?? 0) + 1);
  return { documents: vectors.length, frequency: (t) => counts.get(t) ?? 0 };
}

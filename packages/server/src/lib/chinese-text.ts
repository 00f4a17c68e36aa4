import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { pinyin } from 'pinyin-pro';
import type { Highlighted } from '@cppcc/shared';

/**
 * Chinese text for search: jieba's segmentation with the committees' domain words, the same cut for
 * what is indexed and what is asked (STACK.md "Chinese text"), and pinyin of names.
 */

const jieba = Jieba.withDict(dict);
const loaded = new Set<string>();

/**
 * Adds words the segmenter must keep whole. The dictionary is one per process: a word one committee
 * adds only keeps that word whole for everyone, which cuts no other text worse.
 */
export function addSearchWords(words: readonly string[]) {
  const fresh = words.filter((w) => !loaded.has(w));
  if (fresh.length === 0) return;
  // A high frequency, so the word wins over the pieces the default dictionary would cut it into.
  jieba.loadDict(Buffer.from(fresh.map((w) => `${w} 100000 n`).join('\n')));
  for (const w of fresh) loaded.add(w);
}

/** Characters that are neither letters nor digits in any script: spaces, punctuation, symbols. */
const separator = /^[\p{P}\p{S}\p{Z}\s]+$/u;
/** Words too common to tell records apart. */
const stopWords = new Set([
  '的',
  '了',
  '和',
  '与',
  '及',
  '等',
  '对',
  '在',
  '是',
  '关于',
  '提案',
  '建议',
  '问题',
  '一',
  '有',
  '为',
]);

const clean = (words: string[]) =>
  words.map((w) => w.trim().toLowerCase()).filter((w) => w.length > 0 && !separator.test(w));

/**
 * The terms a document is indexed by: the search-mode cut (电动车 → 电动、动车、电动车), so that
 * a query's shorter word (电动) finds it too. Single characters are kept out except letters and digits.
 */
export function indexTerms(text: string): string[] {
  return clean(jieba.cutForSearch(text, true)).filter(
    (w) => !stopWords.has(w) && (w.length > 1 || /[a-z0-9]/.test(w)),
  );
}

/**
 * The terms of a query, cut as a sentence. A query of one single character (楼) is kept as it is, and
 * matched as a prefix of the indexed words.
 */
export function queryTerms(q: string): string[] {
  const words = clean(jieba.cut(q, true));
  const meaningful = words.filter((w) => !stopWords.has(w));
  // Single characters are not indexed (see indexTerms): beside longer words they are dropped.
  const longer = meaningful.filter((w) => w.length > 1 || /[a-z0-9]/.test(w));
  return [...new Set(longer.length > 0 ? longer : meaningful.length > 0 ? meaningful : words)];
}

/**
 * `wei yang chao` and `wyc` of a name, for people search by pinyin and initials. The first character
 * is read as a surname (曾 zeng, not ceng; 单 shan; 仇 qiu), as a member's name begins with one.
 */
export function pinyinOf(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, {
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
    surname: 'head',
  }) as string[];
  return {
    full: syllables.join('').toLowerCase(),
    initials: syllables
      .map((s) => s[0] ?? '')
      .join('')
      .toLowerCase(),
  };
}

/** The text cut at each occurrence of any of the terms, the occurrences marked as hits. */
export function highlight(text: string, terms: readonly string[]): Highlighted {
  const wanted = [...new Set(terms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0 || text.length === 0) return [{ text, hit: false }];
  const lower = text.toLowerCase();
  const out: Highlighted = [];
  let plain = '';
  for (let i = 0; i < text.length;) {
    const term = wanted.find((t) => lower.startsWith(t, i));
    if (term) {
      if (plain) out.push({ text: plain, hit: false });
      plain = '';
      out.push({ text: text.slice(i, i + term.length), hit: true });
      i += term.length;
    } else plain += text[i++];
  }
  if (plain) out.push({ text: plain, hit: false });
  return out;
}

/** About `length` characters of the text around its first hit, for a result's snippet. */
export function excerpt(text: string, terms: readonly string[], length = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  const first = Math.min(
    ...terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0),
    Number.MAX_SAFE_INTEGER,
  );
  if (first === Number.MAX_SAFE_INTEGER || flat.length <= length) return flat.slice(0, length);
  const start = Math.max(0, first - Math.floor(length / 3));
  return `${start > 0 ? '…' : ''}${flat.slice(start, start + length)}${start + length < flat.length ? '…' : ''}`;
}

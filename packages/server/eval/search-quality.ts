/**
 * `npm run eval:search`: the quality of duplicate hints and of unit and category suggestions, measured
 * on the labelled set in `eval/search/issues/` with the code the server runs (lib/similarity.ts,
 * lib/text-classifier.ts and the thresholds of modules/search/similar.ts).
 *
 * Duplicates: two texts of one issue are duplicates, of two issues of one topic related, of two topics
 * unrelated. The threshold is the server's; the figures are taken on the topics of the odd half (the
 * even half is where the threshold was chosen). Units and categories: learned from the proposals of
 * the earlier years, measured on the last year's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSettings } from '@cppcc/shared';
import { addSearchWords, indexTerms } from '../src/lib/chinese-text';
import { similarity, statsOf, termVector, type TermVector } from '../src/lib/similarity';
import { trainClassifier } from '../src/lib/text-classifier';
import { classifierTerms } from '../src/modules/search/assignment-hints';
import { duplicateThreshold } from '../src/modules/search/similar';

interface Text {
  kind: 'proposal' | 'opinion';
  year: number;
  title: string;
  content: string;
}
interface Issue {
  id: string;
  unit: string;
  category: string;
  texts: Text[];
}
interface TopicFile {
  topic: string;
  issues: Issue[];
}

// The words every committee's segmenter keeps whole, as the server loads them before indexing.
addSearchWords(defaultSettings.searchDictionary);

const folder = join(import.meta.dirname, 'search', 'issues');
const topics: TopicFile[] = readdirSync(folder)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(folder, f), 'utf8')) as TopicFile);

interface Entry extends Text {
  topic: string;
  topicIndex: number;
  issue: string;
  unit: string;
  category: string;
  vector: TermVector;
}
const entries: Entry[] = topics.flatMap((t, topicIndex) =>
  t.issues.flatMap((issue) =>
    issue.texts.map((text) => ({
      ...text,
      topic: t.topic,
      topicIndex,
      issue: issue.id,
      unit: issue.unit,
      category: issue.category,
      vector: termVector(text.title, text.content),
    })),
  ),
);
// Word frequencies over all texts, as the server counts them over all of a committee's records.
const stats = statsOf(entries.map((e) => e.vector));

type Label = 'duplicate' | 'related' | 'unrelated';
const pairs: { label: Label; score: number; heldOut: boolean }[] = [];
for (let i = 0; i < entries.length; i++)
  for (let j = i + 1; j < entries.length; j++) {
    const a = entries[i]!;
    const b = entries[j]!;
    const label: Label = a.issue === b.issue ? 'duplicate' : a.topic === b.topic ? 'related' : 'unrelated';
    // Every pair within a topic; of the far more numerous pairs across topics, a fixed sample.
    if (label === 'unrelated' && (i * 31 + j) % 23 !== 0) continue;
    // A pair counts for the half its first text's topic is in; across halves it is left out.
    if (label === 'unrelated' && a.topicIndex % 2 !== b.topicIndex % 2) continue;
    pairs.push({ label, score: similarity(a.vector, b.vector, stats), heldOut: a.topicIndex % 2 === 1 });
  }

function precisionRecall(set: typeof pairs, threshold: number) {
  const predicted = set.filter((p) => p.score >= threshold);
  const truePositives = predicted.filter((p) => p.label === 'duplicate').length;
  const positives = set.filter((p) => p.label === 'duplicate').length;
  return {
    precision: predicted.length === 0 ? 1 : truePositives / predicted.length,
    recall: positives === 0 ? 0 : truePositives / positives,
  };
}

/** On the tuning half: the lowest threshold whose precision reaches 0.9 (the most recall for it). */
function tunedThreshold(set: typeof pairs) {
  for (let t = 0.05; t < 1; t += 0.01) if (precisionRecall(set, t).precision >= 0.9) return t;
  return 1;
}

const heldOut = pairs.filter((p) => p.heldOut);
const tuning = pairs.filter((p) => !p.heldOut);
const count = (set: typeof pairs, label: Label) => set.filter((p) => p.label === label).length;
const f = (n: number, digits = 2) => n.toFixed(digits);

const proposals = entries.filter((e) => e.kind === 'proposal');
const lastYear = Math.max(...proposals.map((p) => p.year));
const training = proposals.filter((p) => p.year < lastYear);
const test = proposals.filter((p) => p.year === lastYear);
const termsOf = (e: Entry) => classifierTerms(e.title, e.content);

function accuracy(label: (e: Entry) => string, top: number) {
  const model = trainClassifier(training.map((e) => ({ terms: termsOf(e), label: label(e) })));
  const hits = test.filter((e) =>
    model
      .rank(termsOf(e))
      .slice(0, top)
      .some((r) => r.label === label(e)),
  );
  return hits.length / test.length;
}
/** The baseline: always the labels most frequent in the training years. */
function mostFrequent(label: (e: Entry) => string, top: number) {
  const counts = new Map<string, number>();
  for (const e of training) counts.set(label(e), (counts.get(label(e)) ?? 0) + 1);
  const best = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([l]) => l);
  return test.filter((e) => best.includes(label(e))).length / test.length;
}

const units = new Set(entries.map((e) => e.unit)).size;
console.log(
  `set: ${topics.length} topics, ${new Set(entries.map((e) => e.issue)).size} issues, ${entries.length} texts (${proposals.length} proposals), ${units} units; ` +
    `${indexTerms(entries.map((e) => e.title).join(' ')).length} title words`,
);
console.log(
  `pairs held out: ${count(heldOut, 'duplicate')} duplicate, ${count(heldOut, 'related')} related, ${count(heldOut, 'unrelated')} unrelated ` +
    `(tuning half: ${count(tuning, 'duplicate')} / ${count(tuning, 'related')} / ${count(tuning, 'unrelated')}, its threshold for precision 0.9: ${f(tunedThreshold(tuning))})`,
);
console.log(
  `units: learned from ${training.length} proposals of ${Math.min(...training.map((e) => e.year))}–${lastYear - 1}, tested on ${test.length} of ${lastYear}; ` +
    `most frequent unit baseline top1 ${f(mostFrequent((e) => e.unit, 1))} top3 ${f(mostFrequent((e) => e.unit, 3))}, category baseline top1 ${f(mostFrequent((e) => e.category, 1))}`,
);
const dup = precisionRecall(heldOut, duplicateThreshold);
// The held-out figures mean something only at the threshold the tuning half chose.
if (Math.abs(tunedThreshold(tuning) - duplicateThreshold) > 0.005)
  console.log(
    `warning: the server's threshold ${f(duplicateThreshold)} is not the tuning half's ${f(tunedThreshold(tuning))}; set duplicatePercent to it`,
  );
console.log(
  `duplicates precision ${f(dup.precision)} recall ${f(dup.recall)} at threshold ${f(duplicateThreshold)}`,
);
console.log(`units top1 ${f(accuracy((e) => e.unit, 1))} top3 ${f(accuracy((e) => e.unit, 3))}`);
console.log(`category top1 ${f(accuracy((e) => e.category, 1))}`);

/**
 * A multinomial naive Bayes classifier over segmented words: learned from a committee's own records
 * (which unit handled a proposal, which category it was given), it ranks the labels of a new text.
 * Small and exact enough for a few thousand records a year, with nothing to run beside the server.
 */

export interface Example {
  terms: readonly string[];
  label: string;
}

export interface TextClassifier {
  labels: string[];
  examples: number;
  /** The labels ranked for the words, each with its posterior probability. */
  rank(terms: readonly string[]): { label: string; confidence: number }[];
}

/** Laplace smoothing: a word never seen with a label still has a small chance. */
const smoothing = 1;

export function trainClassifier(examples: readonly Example[]): TextClassifier {
  const docsPerLabel = new Map<string, number>();
  const wordCounts = new Map<string, Map<string, number>>();
  const wordsPerLabel = new Map<string, number>();
  const vocabulary = new Set<string>();
  for (const { terms, label } of examples) {
    docsPerLabel.set(label, (docsPerLabel.get(label) ?? 0) + 1);
    let counts = wordCounts.get(label);
    if (!counts) wordCounts.set(label, (counts = new Map()));
    for (const term of terms) {
      counts.set(term, (counts.get(term) ?? 0) + 1);
      vocabulary.add(term);
    }
    wordsPerLabel.set(label, (wordsPerLabel.get(label) ?? 0) + terms.length);
  }
  const labels = [...docsPerLabel.keys()];
  const v = vocabulary.size;
  return {
    labels,
    examples: examples.length,
    rank(terms) {
      if (labels.length === 0) return [];
      const known = terms.filter((t) => vocabulary.has(t));
      const scores = labels.map((label) => {
        const counts = wordCounts.get(label)!;
        const total = wordsPerLabel.get(label)! + smoothing * v;
        let log = Math.log(docsPerLabel.get(label)! / examples.length);
        for (const t of known) log += Math.log(((counts.get(t) ?? 0) + smoothing) / total);
        return { label, log };
      });
      const top = Math.max(...scores.map((s) => s.log));
      const sum = scores.reduce((s, x) => s + Math.exp(x.log - top), 0);
      return scores
        .map((s) => ({ label: s.label, confidence: Math.exp(s.log - top) / sum }))
        .sort((a, b) => b.confidence - a.confidence);
    },
  };
}

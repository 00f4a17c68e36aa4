/** What the benchmarks share: percentiles, the evaluation set's texts, and the summary lines of the targets. */
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export function percentiles(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), p99: quantile(sorted, 0.99) };
}

export interface Text {
  kind: string;
  title: string;
  content: string;
}

/** The proposal and opinion texts of the labelled evaluation set (packages/server/eval/search). */
export function textsOfTheEvaluationSet(): Text[] {
  const folder = join(import.meta.dirname, '../packages/server/eval/search/issues');
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) =>
      (JSON.parse(readFileSync(join(folder, f), 'utf8')) as { issues: { texts: Text[] }[] }).issues.flatMap(
        (i) => i.texts,
      ),
    );
}

// `npm run bench` runs several scripts; each records its target lines here and the last prints them all.
const targetsFile = join(tmpdir(), `cppcc-bench-targets-${process.env.CPPCC_BENCH_RUN ?? 'last'}.txt`);

/** Prints a benchmark's lines of the targets and keeps them for the summary at the end of `npm run bench`. */
export function recordTargets(lines: string[]) {
  console.log(`\n${lines.join('\n')}`);
  appendFileSync(targetsFile, lines.map((l) => `${l}\n`).join(''));
}

/** The target lines recorded since the last call, which are then forgotten. */
export function takeTargets(): string[] {
  if (!existsSync(targetsFile)) return [];
  const lines = readFileSync(targetsFile, 'utf8').split('\n').filter(Boolean);
  rmSync(targetsFile);
  return lines;
}

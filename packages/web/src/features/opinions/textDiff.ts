/** A run of characters the two texts share, or that only the old (`del`) or the new (`ins`) one has. */
export interface DiffPart {
  kind: 'same' | 'del' | 'ins';
  text: string;
}

/** Longer texts are compared line by line, so the table stays small (an opinion is at most a few thousand characters). */
const cellLimit = 4_000_000;

function pushPart(parts: DiffPart[], kind: DiffPart['kind'], text: string) {
  const last = parts.at(-1);
  if (last?.kind === kind) last.text += text;
  else if (text) parts.push({ kind, text });
}

/** The longest common subsequence of two token lists, walked from the start into shared, deleted and inserted runs. */
function diffTokens(a: string[], b: string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j] = LCS length of a[i..] and b[j..], kept in one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pushPart(parts, 'same', a[i]!);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      pushPart(parts, 'del', a[i++]!);
    } else {
      pushPart(parts, 'ins', b[j++]!);
    }
  }
  while (i < n) pushPart(parts, 'del', a[i++]!);
  while (j < m) pushPart(parts, 'ins', b[j++]!);
  return parts;
}

/**
 * What changed from `before` to `after`, character by character (Chinese text has no words to split
 * on); beyond a few thousand characters each, line by line. Shared prefix and suffix are cut first.
 */
export function textDiff(before: string, after: string): DiffPart[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++;
  const a = before.slice(start, before.length - end);
  const b = after.slice(start, after.length - end);
  const byLine = (a.length + 1) * (b.length + 1) > cellLimit;
  const tokens = (s: string) => (byLine ? s.split(/(?<=\n)/) : Array.from(s));
  const parts: DiffPart[] = [];
  pushPart(parts, 'same', before.slice(0, start));
  for (const part of diffTokens(tokens(a), tokens(b))) pushPart(parts, part.kind, part.text);
  pushPart(parts, 'same', before.slice(before.length - end));
  return parts;
}

/** The two sides of a side-by-side view: the old text with its deletions, the new one with its insertions. */
export function diffSides(parts: DiffPart[]): { before: DiffPart[]; after: DiffPart[] } {
  return {
    before: parts.filter((p) => p.kind !== 'ins'),
    after: parts.filter((p) => p.kind !== 'del'),
  };
}

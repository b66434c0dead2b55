/**
 * The text-match measure of ../shared/tools/fidelity.py, in TypeScript: both texts NFKC-normalised with dashes
 * unified and all white space removed, compared with difflib's SequenceMatcher ratio (no junk heuristic).
 */
export const normalize = (s: string): string => s.normalize("NFKC").replace(/[—–]/g, "-").replace(/\s+/gu, "");

function matchingCharacters(a: string[], b: string[]): number {
  const positions = new Map<string, number[]>();
  b.forEach((ch, j) => positions.set(ch, [...(positions.get(ch) ?? []), j]));
  let total = 0;
  const queue: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  while (queue.length) {
    const [alo, ahi, blo, bhi] = queue.pop()!;
    let besti = alo;
    let bestj = blo;
    let best = 0;
    let lengths = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const next = new Map<number, number>();
      for (const j of positions.get(a[i]!) ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (lengths.get(j - 1) ?? 0) + 1;
        next.set(j, k);
        if (k > best) {
          besti = i - k + 1;
          bestj = j - k + 1;
          best = k;
        }
      }
      lengths = next;
    }
    if (best > 0) {
      total += best;
      queue.push([alo, besti, blo, bestj], [besti + best, ahi, bestj + best, bhi]);
    }
  }
  return total;
}

export function fidelity(reference: string, output: string): number {
  const a = [...normalize(reference)];
  const b = [...normalize(output)];
  return (2 * matchingCharacters(a, b)) / (a.length + b.length);
}

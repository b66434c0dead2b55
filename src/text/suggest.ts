/**
 * Edit distance between two names, case ignored, two swapped neighbours counting as one slip (levle, nuit): the
 * basis of "是否想写 …？".
 */
export function distance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** The known name a mistyped one most likely meant, when one is close enough to suggest. */
export function closest(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  // Names longer than anything known are not compared letter by letter: the cost stays bounded.
  const clipped = name.slice(0, 64);
  for (const k of known) {
    const d = distance(clipped, k.slice(0, 64));
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

/** "是否想写 sitecode？" or the names there are, for an unknown name's hint. */
export function unknownNameHint(name: string, known: readonly string[], what = "可以写的有"): string {
  const guess = closest(name, known);
  if (guess) return `是否想写 ${guess}？`;
  const shown = known.slice(0, 30);
  return shown.length ? `${what}：${shown.join("、")}${known.length > shown.length ? " 等" : ""}` : "这里没有可用的名称";
}

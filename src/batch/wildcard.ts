/**
 * Whether `name` matches `pattern`, where `*` stands for any characters (none included), `?` for one, and every
 * other character for itself. Greedy with one remembered star, as shells match: time proportional to the two lengths multiplied at
 * worst, never the exponential backtracking a regular expression with many `.*` can take.
 */
export const hasWildcard = (pattern: string): boolean => /[*?]/.test(pattern);

export function matchWildcard(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    if (p < pattern.length && pattern[p] === "*") {
      star = p++;
      resume = n;
    } else if (p < pattern.length && (pattern[p] === name[n] || pattern[p] === "?")) {
      p++;
      n++;
    } else if (star >= 0) {
      p = star + 1;
      n = ++resume;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === "*") p++;
  return p === pattern.length;
}

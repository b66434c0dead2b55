/**
 * A function of a text, each result kept for the texts met again: a batch of thousands of circulars shares most of
 * its wording. Bounded in count and in characters, all forgotten at once past either, so that a long-running process
 * (a batch, the preview) fed ever-new texts stays small.
 */
export function memoByText<T>(make: (text: string) => T, { count = 20_000, chars = 4_000_000 } = {}): (text: string) => T {
  const kept = new Map<string, T>();
  let keptChars = 0;
  return (text) => {
    let found = kept.get(text);
    if (found !== undefined) return found;
    if (kept.size >= count || keptChars + text.length > chars) {
      kept.clear();
      keptChars = 0;
    }
    found = make(text);
    kept.set(text, found);
    keptChars += text.length;
    return found;
  };
}

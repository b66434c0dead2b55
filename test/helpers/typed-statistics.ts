/**
 * Statistics typed into a data file's prose instead of computed: numbers with a counting unit or %, outside
 * {{…}}, leaving out document numbers, quoted titles and names, and dates. The same heuristic as the project's
 * measuring tool hardcoded_figures.py, line by line.
 */
const UNIT = "(?:家|个|条|名|人|次|件|项|分|%|％|万|亿|篇|处|批|户)";
const HIT = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*${UNIT}(?!工作日|月|小时|百分点)`, "g");

const strip = (s: string): string =>
  s
    .replace(/\{\{.*?\}\}/g, " ")
    .replace(/《[^》]*》/g, " ")
    .replace(/“[^”]*”/g, " ")
    .replace(/〔\d{4}〕\s*\d+\s*号/g, " ")
    .replace(/\d{4}\s*年(\s*\d{1,2}\s*月)?(\s*\d{1,2}\s*日)?/g, " ")
    .replace(/\d{1,2}\s*月\s*\d{1,2}\s*日/g, " ");

/** Each typed statistic with its 1-based line. */
export function typedStatistics(yaml: string): { line: number; text: string }[] {
  const found: { line: number; text: string }[] = [];
  yaml.split("\n").forEach((raw, i) => {
    const code = raw.trimStart().startsWith("#") ? "" : raw.split(" #")[0]!;
    if (!code.trim()) return;
    const value = /^\s*(?:-\s+)?(?:[\w.]+:\s*)?(.*)$/.exec(code)?.[1] ?? code;
    if (/^\s*[-+]?\d+(\.\d+)?\s*$/.test(value) || /^\s*[\d\-:]+\s*$/.test(value)) return;
    for (const m of strip(value).matchAll(HIT)) found.push({ line: i + 1, text: m[0].replace(/\s/g, "") });
  });
  return found;
}

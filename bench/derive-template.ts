/**
 * The docxtemplater side of the benchmark, made equivalent by construction: its template is tongbao's own .docx for
 * the same data with every text run's text replaced by a tag, and the longest table's data rows replaced by one loop
 * row (the longest without merged cells; the others keep a tag per text). The paragraphs, run properties, styles, footers and table cell properties are tongbao's, so docxtemplater
 * writes the same document: only the text is substituted, which is all it does. The data is the texts, as JSON.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

export interface Equivalent {
  template: Uint8Array;
  data: Record<string, unknown>;
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

const TEXT = /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g;
const ROW = /<w:tr>[\s\S]*?<\/w:tr>/g;

/** The texts of a table cell, a line each (tongbao separates a cell's lines by <w:br/> within one run). */
function cellText(cell: string): string {
  return [...cell.matchAll(TEXT)].map((m) => unescapeXml(m[1]!)).join("\n");
}

/** One loop row from a data row: each cell's run keeps its properties and holds one tag. */
function loopRow(row: string): string {
  const cells = row.match(/<w:tc>[\s\S]*?<\/w:tc>/g)!;
  let replaced = row;
  cells.forEach((cell, c) => {
    const tag = `${c === 0 ? "{#rows}" : ""}{c${c}}${c === cells.length - 1 ? "{/rows}" : ""}`;
    const run = /<w:r>(<w:rPr>[\s\S]*?<\/w:rPr>)?[\s\S]*?<\/w:r>/.exec(cell);
    const body = cell.replace(/<w:r>[\s\S]*<\/w:r>/, run ? `<w:r>${run[1] ?? ""}<w:t xml:space="preserve">${tag}</w:t></w:r>` : "");
    replaced = replaced.replace(cell, body);
  });
  return replaced;
}

export function equivalentTemplate(docx: Uint8Array): Equivalent {
  const parts = unzipSync(docx);
  const xml = strFromU8(parts["word/document.xml"]!);
  // The table with the most rows is the one docxtemplater loops over (a table with merged cells is not a loop's).
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].filter((t) => !t[0].includes("<w:vMerge"));
  const longest = tables.reduce<RegExpMatchArray | undefined>((best, t) => ((t[0].match(ROW)?.length ?? 0) > (best?.[0].match(ROW)?.length ?? 0) ? t : best), undefined);
  const data: Record<string, unknown> = {};
  let n = 0;
  const tagTexts = (s: string) =>
    s.replace(TEXT, (whole, text: string) => {
      const key = `t${n++}`;
      data[key] = unescapeXml(text);
      return whole.replace(`>${text}<`, `>{${key}}<`);
    });
  let out: string;
  if (longest) {
    const table = longest[0];
    const rows = table.match(ROW)!;
    const dataRows = rows.filter((r) => !r.includes("<w:tblHeader/>"));
    // A total row (合计) stays a row of its own: it is not one of the list's rows.
    const total = dataRows.length > 1 && cellText(dataRows.at(-1)!).startsWith("合计") ? dataRows.pop() : undefined;
    data.rows = dataRows.map((r) => Object.fromEntries((r.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((cell, c) => [`c${c}`, cellText(cell)])));
    const start = table.indexOf(dataRows[0]!);
    const end = table.lastIndexOf(dataRows.at(-1)!) + dataRows.at(-1)!.length;
    const before = xml.slice(0, longest.index!) + table.slice(0, start);
    const after = (total ?? "") + table.slice(end + (total?.length ?? 0)) + xml.slice(longest.index! + table.length);
    out = tagTexts(before) + loopRow(dataRows[0]!) + tagTexts(after);
  } else out = tagTexts(xml);
  return { template: zipSync({ ...parts, "word/document.xml": strToU8(out) }, { level: 6, mtime: new Date(2020, 0, 1) }), data };
}

/** What a document is made of, to show that the two tools wrote the same thing. */
export function elementCounts(docx: Uint8Array): Record<string, number> {
  const xml = strFromU8(unzipSync(docx)["word/document.xml"]!);
  const count = (re: RegExp) => xml.match(re)?.length ?? 0;
  return {
    paragraphs: count(/<w:p[ >]/g),
    runs: count(/<w:r>/g),
    texts: count(/<w:t[ >]/g),
    breaks: count(/<w:br\/>/g),
    rows: count(/<w:tr>/g),
    cells: count(/<w:tc>/g),
    characters: [...xml.matchAll(TEXT)].reduce((sum, m) => sum + unescapeXml(m[1]!).length, 0),
  };
}

import { strFromU8, unzipSync } from "fflate";
import { elements, first, parseXml, type XmlElement } from "./xml.js";

export interface Run {
  text: string;
  eastAsia?: string;
  bold: boolean;
  size?: number;
  color?: string;
}

export interface Para {
  text: string;
  runs: Run[];
  el: XmlElement;
}

export interface DocxContent {
  files: Record<string, string>;
  /** Body paragraphs and tables in reading order. */
  blocks: ({ kind: "p"; para: Para } | { kind: "tbl"; rows: string[][]; el: XmlElement })[];
  paragraphs: Para[];
  /** Each table as a grid: a horizontally merged cell is followed by empty cells, a vertical continuation is empty. */
  tables: string[][][];
  /** The text in reading order, one paragraph a line, table rows as tab-separated cells (as docx_text.py prints). */
  text: string;
}

function runOf(r: XmlElement): Run {
  const rPr = first(r, "w:rPr");
  // In document order: a tab stands where it is in the run; a line break adds nothing to the paragraph's text.
  const text = elements(r)
    .map((el) => (el.name === "w:t" ? el.children.join("") : el.name === "w:tab" ? "\t" : ""))
    .join("");
  const size = first(rPr, "w:sz")?.attrs["w:val"];
  return {
    text,
    eastAsia: first(rPr, "w:rFonts")?.attrs["w:eastAsia"],
    bold: !!first(rPr, "w:b"),
    ...(size ? { size: Number(size) / 2 } : {}),
    ...(first(rPr, "w:color") ? { color: first(rPr, "w:color")!.attrs["w:val"] } : {}),
  };
}

export function paraOf(p: XmlElement): Para {
  const runs = elements(p, "w:r").map(runOf);
  return { text: runs.map((r) => r.text).join(""), runs, el: p };
}

function tableRows(tbl: XmlElement): string[][] {
  return elements(tbl, "w:tr").map((tr) =>
    elements(tr, "w:tc").flatMap((tc) => {
      const text = elements(tc, "w:p").map((p) => paraOf(p).text).join("\n");
      const span = Number(first(first(tc, "w:tcPr"), "w:gridSpan")?.attrs["w:val"] ?? 1);
      return [text, ...Array<string>(span - 1).fill("")];
    }),
  );
}

export function readDocx(bytes: Uint8Array): DocxContent {
  const zip = unzipSync(bytes);
  const files = Object.fromEntries(Object.entries(zip).filter(([n]) => n.endsWith(".xml") || n.endsWith(".rels")).map(([n, b]) => [n, strFromU8(b)]));
  const body = first(parseXml(files["word/document.xml"]!), "w:body")!;
  const blocks: DocxContent["blocks"] = elements(body)
    .filter((el) => el.name === "w:p" || el.name === "w:tbl")
    .map((el) => (el.name === "w:p" ? { kind: "p" as const, para: paraOf(el) } : { kind: "tbl" as const, rows: tableRows(el), el }));
  const paragraphs = blocks.flatMap((b) => (b.kind === "p" ? [b.para] : []));
  const tables = blocks.flatMap((b) => (b.kind === "tbl" ? [b.rows] : []));
  const text = blocks.map((b) => (b.kind === "p" ? b.para.text : b.rows.map((r) => r.join("\t")).join("\n"))).join("\n");
  return { files, blocks, paragraphs, tables, text };
}

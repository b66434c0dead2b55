import { Packer } from "docx";
import { strFromU8, strToU8, unzipSync } from "fflate";
import type { LaidOut } from "../layout/layout-circular.js";
import { writeZip } from "./zip-writer.js";

/**
 * The .docx bytes of a laid-out circular, identical for identical input on any day, machine and time zone:
 * raw tables spliced in, document dates and zip entry times taken from the 成文日期, entries in a fixed order.
 */
export async function packDocx(laidOut: LaidOut, date: string): Promise<Uint8Array> {
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(laidOut.document)));
  const edit = (name: string, change: (xml: string) => string) => {
    files[name] = strToU8(change(strFromU8(files[name]!)));
  };
  edit("word/document.xml", (xml) => spliceTables(xml, laidOut.rawTables));
  // Paragraph defaults the docx package cannot write (in schema order): what a user types later in Word keeps the
  // grid too — no widow control, no extra space between Chinese and Latin text.
  edit("word/styles.xml", (xml) =>
    xml.replace(/<w:pPrDefault>\s*<w:pPr>/, (m) => `${m}<w:widowControl w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>`),
  );
  edit("word/fontTable.xml", (xml) => xml.replace(/<w:fonts([^>]*)\/>|<w:fonts([^>]*)>[\s\S]*<\/w:fonts>/, (_, a, b) => `<w:fonts${a ?? b}>${laidOut.fonts.map(fontXml).join("")}</w:fonts>`));
  edit("docProps/core.xml", (xml) => xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${date}T00:00:00Z$3`));

  // Local midnight of the 成文日期: zip stores local time fields, so this reads back the same in every time zone.
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return writeZip(Object.entries(files), new Date(y, m - 1, d));
}

const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

function fontXml(f: LaidOut["fonts"][number]): string {
  const alt = f.altName ? `<w:altName w:val="${escapeAttr(f.altName)}"/>` : "";
  return `<w:font w:name="${escapeAttr(f.name)}">${alt}<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`;
}

/** Replaces each placeholder paragraph with its table. */
function spliceTables(xml: string, tables: LaidOut["rawTables"]): string {
  let out = xml;
  for (const { placeholder, xml: table } of tables) {
    const at = out.indexOf(placeholder);
    if (at < 0) throw new Error(`table placeholder ${placeholder} not found in document.xml`);
    const start = Math.max(out.lastIndexOf("<w:p>", at), out.lastIndexOf("<w:p ", at));
    const end = out.indexOf("</w:p>", at) + "</w:p>".length;
    out = out.slice(0, start) + table + out.slice(end);
  }
  return out;
}

import { columnName } from "../text/index.js";
import { writeZip } from "./zip.js";

/** A column of a sheet to fill: its title, and how Excel should let the clerk type into it. */
export interface SheetColumn {
  title: string;
  /** Width in characters. */
  width: number;
  /** Text format (@): what is typed stays as typed; a 网站标识码 keeps its leading zero. */
  text?: boolean;
  /** A drop-down of the values allowed (是/否, or a field's `values`). */
  choices?: readonly string[];
  /** Shown when the cell is selected. */
  prompt?: string;
}

export interface Sheet {
  name: string;
  columns: readonly SheetColumn[];
  /** Rows of text below the header (examples); none for an empty sheet. */
  rows?: readonly (readonly string[])[];
}

const escape = (text: string): string => text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));

/** Rows formatted for filling in: style 1 is the bold header, 2 a text cell. */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font><font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function sheetXml(sheet: Sheet): string {
  const cols = sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${c.text ? ' style="2"' : ""}/>`).join("");
  const cell = (r: number, c: number, text: string, style: number) => `<c r="${columnName(c)}${r}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${escape(text)}</t></is></c>`;
  const header = `<row r="1">${sheet.columns.map((c, i) => cell(1, i, c.title, 1)).join("")}</row>`;
  const body = (sheet.rows ?? []).map((row, r) => `<row r="${r + 2}">${row.map((text, c) => (text === "" ? "" : cell(r + 2, c, text, sheet.columns[c]?.text ? 2 : 0))).join("")}</row>`).join("");
  const validations = sheet.columns
    .map((c, i) => {
      if (!c.choices && !c.prompt) return "";
      const range = `${columnName(i)}2:${columnName(i)}10000`;
      const prompt = c.prompt ? ` showInputMessage="1" promptTitle="${escape(c.title)}" prompt="${escape(c.prompt)}"` : "";
      if (!c.choices) return `<dataValidation type="none" allowBlank="1"${prompt} sqref="${range}"/>`;
      return `<dataValidation type="list" allowBlank="1" showErrorMessage="1"${prompt} sqref="${range}"><formula1>"${escape(c.choices.join(","))}"</formula1></dataValidation>`;
    })
    .filter(Boolean);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${header}${body}</sheetData>` +
    (validations.length ? `<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>` : "") +
    `</worksheet>`
  );
}

/**
 * A one-sheet .xlsx workbook (SpreadsheetML, as Excel and WPS open it): a bold frozen header row, text-formatted
 * columns where typing must stay as typed, drop-downs for fixed choices. The same sheet gives the same bytes.
 */
export function writeXlsx(sheet: Sheet): Promise<Uint8Array> {
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/${type}" Target="${target}"/>`;
  return writeZip(
    [
      [
        "[Content_Types].xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
      ],
      ["_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", "officeDocument/2006/relationships/officeDocument", "xl/workbook.xml")}</Relationships>`],
      [
        "xl/workbook.xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escape(sheet.name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ],
      [
        "xl/_rels/workbook.xml.rels",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", "officeDocument/2006/relationships/worksheet", "worksheets/sheet1.xml")}${rel("rId2", "officeDocument/2006/relationships/styles", "styles.xml")}</Relationships>`,
      ],
      ["xl/worksheets/sheet1.xml", sheetXml(sheet)],
      ["xl/styles.xml", STYLES],
    ],
    "1980-01-01",
  );
}

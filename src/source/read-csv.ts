import type { Cell, Table, TableRow } from "./table.js";

/** The separator a CSV uses: a comma as Excel writes it, a tab for Excel's “Unicode text”, or a semicolon. */
function separatorOf(firstLine: string): string {
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const [best] = [",", "\t", ";"].sort((a, b) => count(b) - count(a));
  return count(best!) > 0 ? best! : ",";
}

/**
 * A CSV text (already decoded) as a Table: RFC 4180 quoting ("" for a quote, line ends inside quotes), any line
 * end, blank rows left out. Every cell is text, as CSV has no types; the lists decide what a field's text means.
 */
export function readCsv(text: string, file: string, maxRows = 200_001): Table {
  const separator = separatorOf(text.slice(0, text.search(/\r|\n|$/)));
  const rows: TableRow[] = [];
  let cells: (Cell | undefined)[] = [];
  let field = "";
  let quoted = false;
  let number = 1;
  const endField = () => {
    if (field !== "") cells[cells.length] = { value: field, text: field };
    else cells.length++;
    field = "";
  };
  const endRow = () => {
    endField();
    if (cells.some((c) => c !== undefined)) rows.push({ number, cells });
    cells = [];
    number++;
  };
  for (let i = 0; i < text.length && rows.length < maxRows; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === separator) endField();
    else if (c === "\r" || c === "\n") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRow();
    } else field += c;
  }
  if (field !== "" || cells.length > 0) endRow();
  return { file, rows };
}

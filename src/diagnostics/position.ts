/** Where something is written: a line and column of a text file, or a cell of a spreadsheet. */
export interface Position {
  file: string;
  /** 1-based. For a spreadsheet cell, the row of the cell; 0 for the file as a whole (an output that cannot be written). */
  line: number;
  /** 1-based, counted in characters (a Chinese character is one column). */
  col: number;
  /** A spreadsheet cell as Excel names it, with its sheet: "清单!C17". */
  cell?: string;
}

/** A location inside the data: keys and array indexes from the root, e.g. ["lists", "problems", "rows", 2, "siteCode"]. */
export type DataPath = readonly (string | number)[];

/** "lists.problems.rows[2].siteCode": the form users see in messages and write in `acknowledge.at`. */
export function formatPath(path: DataPath): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out ? `.${key}` : key;
  return out;
}

/** The data path a user wrote (`sites.passRate`, `attachmentList[0]`), or undefined when it is not one. */
export function parsePath(text: string): DataPath | undefined {
  const path: (string | number)[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]/gy;
  let match: RegExpExecArray | null;
  let last = 0;
  while ((match = re.exec(text))) {
    path.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
    last = re.lastIndex;
    if (text[last] === ".") re.lastIndex = ++last;
  }
  return last === text.length && path.length > 0 ? path : undefined;
}

/** "data/x.yaml:12:5", "问题网站.xlsx!清单!C17" for a cell, or the file alone. */
export const formatPosition = (at: Position): string => (at.cell ? `${at.file}!${at.cell}` : at.line === 0 ? at.file : `${at.file}:${at.line}:${at.col}`);

/** Finds where a data path is written, in whichever file wrote it. */
export interface Locator {
  /** The value at `path` (its key with `key: true`), or the nearest written parent. */
  locate(path: DataPath, options?: { key?: boolean }): Position;
  /** The position of character `index` of the text value at `path`, where the file writes it. */
  locateIndex(path: DataPath, index: number): Position | undefined;
  /** The characters the user typed for the value at `path` (e.g. `0440282002` that YAML read as a number). */
  sourceText(path: DataPath): string | undefined;
}

/** For data given as an object rather than a file: every path is reported at the data's name. */
export const objectLocator = (name: string): Locator => ({
  locate: () => ({ file: name, line: 1, col: 1 }),
  locateIndex: () => undefined,
  sourceText: () => undefined,
});

/** A location inside the data: keys and array indexes from the root, e.g. ["sites", "problems", 2, "siteCode"]. */
export type DataPath = readonly (string | number)[];

/** "sites.problems[2].siteCode": the form users see in messages and write in `acknowledge.at`. */
export function formatPath(path: DataPath): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out ? `.${key}` : key;
  return out;
}

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

/** JSON pointer (as ajv reports instance paths) to a data path; numeric segments become indexes. */
export function pointerToPath(pointer: string): DataPath {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

import type { RowData } from "../circular-data.js";
import { error, type Finding, type Rule } from "./finding.js";

/** Identity of a row for duplicate detection: what a reader would take as "the same site or account". */
const identity = (row: RowData) => JSON.stringify([row.name, row.host ?? "", row.platform ?? "", row.region ?? ""]);

function duplicatesIn(rows: RowData[] | undefined, path: [string, string], what: string, found: Finding[]) {
  const seen = new Map<string, number>();
  const codes = new Map<string, number>();
  rows?.forEach((row, i) => {
    const id = identity(row);
    const first = seen.get(id);
    if (first !== undefined) {
      found.push(error("duplicate-row", [...path, i], `${what}“${row.name}”重复（与第 ${first + 1} 项相同）`, "删去重复的一项"));
    } else seen.set(id, i);
    if (row.siteCode) {
      const firstCode = codes.get(row.siteCode);
      if (firstCode !== undefined) {
        found.push(error("duplicate-site-code", [...path, i, "siteCode"], `网站标识码 ${row.siteCode} 重复（与第 ${firstCode + 1} 项“${rows[firstCode]!.name}”相同）`, "每个网站的标识码唯一，请核对"));
      } else codes.set(row.siteCode, i);
    }
  });
}

/** No site or account listed twice; no 网站标识码 used twice. */
export const duplicates: Rule = ({ data }) => {
  const found: Finding[] = [];
  duplicatesIn(data.sites?.list, ["sites", "list"], "网站", found);
  duplicatesIn(data.sites?.problems, ["sites", "problems"], "问题网站", found);
  duplicatesIn(data.newMedia?.accounts, ["newMedia", "accounts"], "账号", found);
  duplicatesIn(data.newMedia?.problems, ["newMedia", "problems"], "问题账号", found);
  return found;
};

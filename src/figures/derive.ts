import type { Diagnostics } from "../diagnostics/index.js";
import { DATA_FIELDS, type CheckedList, type CircularData } from "../input/index.js";
import type { Comparison } from "./comparison.js";
import { deriveGroup, type Group } from "./groups.js";
import { listSource } from "./list-rows.js";
import { Lists } from "./lists.js";
import { Lazy } from "./lazy.js";
import type { Scope } from "./formula/index.js";
import { deriveNamedFigures, type NamedFigure } from "./named-figures.js";
import type { RowSource } from "./row-source.js";
import { documentScope } from "./scope.js";
import { deriveTable, type TableFigures } from "./tables.js";

/**
 * Every number of a circular, computed once: the lists' computed fields, each group's statistics, the named
 * figures and the attachment tables. Prose, tables and checks all read them here, so a number cannot disagree with
 * itself; what the data states beside a computed number is kept as a comparison for the checks.
 */
export interface Figures {
  lists: Map<string, RowSource>;
  groups: Map<string, Group>;
  named: Map<string, NamedFigure>;
  /** One per attachment; undefined where its rows could not be derived (reported). */
  tables: (TableFigures | undefined)[];
  comparisons: Comparison[];
}

/** Names the template context and formulas resolve at the top: they cannot also name a group. */
const RESERVED = new Set<string>([...DATA_FIELDS, "lists", "figures", "region"]);

export function deriveFigures(data: CircularData, checked: ReadonlyMap<string, CheckedList>, diagnostics: Diagnostics): Figures {
  const comparisons: Comparison[] = [];
  const written = new Map([...checked].map(([name, list]) => [name, listSource(list, diagnostics, comparisons)]));
  // Lists, groups and figures refer to each other freely; each is computed when first needed, in one scope.
  let scope: Scope;
  const lists = new Lists(written, data.lists ?? {}, () => scope, diagnostics);
  const listNames = new Set(lists.names());
  const groupData = Object.fromEntries(
    Object.entries(data.groups ?? {}).filter(([name]) => {
      if (RESERVED.has(name)) diagnostics.unknownKey("schema", ["groups", name], `分组名 ${name} 与数据的字段名相同，会引起混淆`, "另取一个名字，如 sites、newMedia");
      else if (listNames.has(name)) diagnostics.unknownKey("schema", ["groups", name], `分组名 ${name} 与清单名相同，公式里会引起混淆`, "分组和清单用不同的名字，如分组 sites、清单 siteProblems");
      else return true;
      return false;
    }),
  );
  const groups = new Lazy<Group>(
    (name) => deriveGroup(name, groupData[name]!, (n) => lists.get(n), () => lists.names(), diagnostics, comparisons),
    (name, loop) => diagnostics.error("formula", ["groups", name], `分组 ${name} 的清单引用形成了循环：${loop}`),
  );
  const groupNames = Object.keys(groupData);
  const groupView = { get: (name: string) => (Object.hasOwn(groupData, name) ? groups.get(name) : undefined), names: () => groupNames };
  for (const name of Object.keys(data.figures ?? {})) {
    if (listNames.has(name) || groupNames.includes(name)) diagnostics.unknownKey("schema", ["figures", name], `数字名 ${name} 与${listNames.has(name) ? "清单" : "分组"}名相同，公式里会引起混淆`, "另取一个名字");
  }
  const named = deriveNamedFigures(data.figures, (figure, names) => (scope = documentScope(figure, names, lists, groupView)), diagnostics, comparisons);
  const sourceNamed = (name: string): RowSource | undefined => {
    const [head, tail, ...more] = name.split(".");
    if (more.length) return undefined;
    if (tail === undefined) return lists.get(head!);
    if (head === "lists") return lists.get(tail);
    return groupView.get(head!)?.sources.get(tail);
  };
  const sourceNames = () => [...lists.names(), ...groupNames.flatMap((g) => [...(groupView.get(g)?.sources.keys() ?? [])].map((k) => `${g}.${k}`))];
  const tables = (data.attachments ?? []).map((a, i) => deriveTable(a, i, sourceNamed, sourceNames, scope, diagnostics));
  const all = new Map(groupNames.flatMap((g) => (groupView.get(g) ? [[g, groupView.get(g)!] as const] : [])));
  return { lists: lists.all(), groups: all, named, tables, comparisons };
}

import type { CircularData } from "../input/index.js";
import type { Figures } from "./derive.js";

/** Parts of the data that are not text to quote: they reach templates through the figures computed from them. */
const NOT_IN_CONTEXT = new Set(["extends", "kinds", "lists", "groups", "figures", "body", "attachments", "attachmentList", "acknowledge", "style"]);

/**
 * What templates and the drafter's `{{…}}` expressions see: the data's own fields (issuer, period, dates…), each
 * group's figures under its name (sites.passRate), the lists' rows (lists.problems) and the named figures
 * (figures.onTimeRate). Plain objects with no prototype tricks: templates reach own properties only. Without
 * figures (their data has errors), the data's own fields alone.
 */
export function templateContext(data: CircularData, figures: Figures | undefined): Record<string, unknown> {
  const context: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) if (!NOT_IN_CONTEXT.has(key)) context[key] = value;
  if (!figures) return context;
  context.lists = Object.fromEntries([...figures.lists].map(([name, source]) => [name, source.rows]));
  context.figures = Object.fromEntries([...figures.named].map(([name, f]) => [name, f.value]));
  for (const [name, group] of figures.groups) context[name] = group.figures;
  return context;
}

import type { Diagnostics } from "../diagnostics/index.js";
import type { Figures } from "../figures/index.js";
import type { CircularData } from "../input/index.js";
import { attachmentList } from "./rules/attachments.js";
import { counts } from "./rules/counts.js";
import { dates } from "./rules/dates.js";
import { headerForm } from "./rules/header-form.js";
import type { Rule } from "./rules/rule.js";
import { statedFigures } from "./rules/stated-figures.js";

/** Each rule with the top-level fields it reads besides the figures: a rule is skipped when one of them is broken. */
const RULES: readonly { rule: Rule; reads: readonly (keyof CircularData)[] }[] = [
  { rule: headerForm, reads: ["header", "telegram"] },
  { rule: statedFigures, reads: [] },
  { rule: counts, reads: [] },
  { rule: dates, reads: ["date", "deadline", "colophon", "period"] },
  { rule: attachmentList, reads: ["attachmentList", "attachments"] },
];

/**
 * The cross-checks: the figures against what the data states, and dates. `broken` names the top-level fields that
 * failed the schema (reported already): the rules reading them are left out.
 */
export function checkCircular(data: CircularData, figures: Figures, diagnostics: Diagnostics, broken: ReadonlySet<string> = new Set()): void {
  for (const { rule, reads } of RULES) if (!reads.some((field) => broken.has(field))) rule(data, figures, diagnostics);
}

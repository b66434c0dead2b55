import type { Diagnostics } from "../diagnostics/index.js";
import type { Figures } from "../figures/index.js";
import type { CircularData } from "../input/index.js";
import { attachmentList } from "./rules/attachments.js";
import { counts } from "./rules/counts.js";
import { dates } from "./rules/dates.js";
import { headerForm } from "./rules/header-form.js";
import type { Rule } from "./rules/rule.js";
import { statedFigures } from "./rules/stated-figures.js";

const RULES: readonly Rule[] = [headerForm, statedFigures, counts, dates, attachmentList];

/** The cross-checks of data that passed its schema: the figures against what the data states, and dates. */
export function checkCircular(data: CircularData, figures: Figures, diagnostics: Diagnostics): void {
  for (const rule of RULES) rule(data, figures, diagnostics);
}

import { agrees } from "../../figures/index.js";
import { formatNumber } from "../../text/index.js";
import type { Rule } from "./rule.js";

/**
 * Every figure the data states beside one it computes must agree, as rounded where it is written. A figure the
 * data says follows another method (a rate by assessment score) differs with a warning that can be acknowledged.
 */
export const statedFigures: Rule = (_data, figures, diagnostics) => {
  for (const c of figures.comparisons) {
    if (agrees(c.stated, c.computed)) continue;
    const stated = formatNumber(c.stated, 6);
    const computed = formatNumber(c.computed, 2);
    if (c.method) {
      diagnostics.warning("figure-method", c.path, `${c.what}按“${c.method}”写作 ${stated}，${c.source}是 ${computed}`, `确属有意，请在 acknowledge 中登记：{ check: figure-method, at: …, reason: … }`);
    } else {
      diagnostics.error("figure-differs", c.path, `${c.what}写的是 ${stated}，但${c.source}得 ${computed}`, "改正其中一处；若按另一种口径计算，写成 { value: …, method: 口径说明 }");
    }
  }
};

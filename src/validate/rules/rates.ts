import { formatPercent } from "../../render/helpers.js";
import { warning, type Finding, type Rule } from "./finding.js";

/** A stated rate that the data does not give, beyond rounding to the one decimal circulars print. */
const beyondRounding = (stated: number, computed: number) => Math.abs(stated - computed) >= 0.05 + 1e-9;

/**
 * Rates the drafter states are compared with the rate the data gives. Offices sometimes define a rate their own way
 * (by assessment score rather than by share of problem sites), so a difference is a warning to acknowledge.
 */
export const rates: Rule = ({ data, sites, newMedia }) => {
  const found: Finding[] = [];
  const check = (group: "sites" | "newMedia", what: string, stated: number | undefined, computed: number | undefined) => {
    if (stated !== undefined && computed !== undefined && beyondRounding(stated, computed)) {
      found.push(
        warning("rate-differs", [group, "passRate"], `${what}合格率写的是 ${formatPercent(stated)}，按数据计算是 ${formatPercent(computed)}`, `数据有误请改正；确按其他口径计算，请在 acknowledge 中登记：{ check: rate-differs, at: ${group}.passRate, reason: … }`),
      );
    }
  };
  check("sites", "政府网站", data.sites?.passRate, sites?.computedPassRate);
  check("newMedia", "政务新媒体", data.newMedia?.passRate, newMedia?.computedPassRate);
  return found;
};

import type { Derived } from "../../derive/derive-circular.js";
import type { Diagnostic } from "../../diagnostics.js";
import { formatPath, parsePath } from "../../load/data-path.js";
import type { LoadedData } from "../../load/load-circular.js";
import { attachments } from "./attachments.js";
import { counts } from "./counts.js";
import { dates } from "./dates.js";
import { duplicates } from "./duplicates.js";
import type { Finding, Rule } from "./finding.js";
import { headerForm } from "./header-form.js";
import { rates } from "./rates.js";

const RULES: readonly Rule[] = [headerForm, attachments, counts, rates, duplicates, dates];

/**
 * Cross-checks of the data against its own computed figures. Warnings the data acknowledges (by code and path in
 * `acknowledge`) are dropped; an acknowledgement that matches nothing is itself reported, so none goes stale.
 */
export function checkRules(derived: Derived, loaded: LoadedData): Diagnostic[] {
  const findings: Finding[] = RULES.flatMap((rule) => rule(derived));
  const acks = derived.data.acknowledge ?? [];
  const used = new Set<number>();
  const kept = findings.filter((f) => {
    if (f.severity === "error") return true;
    const i = acks.findIndex((a) => a.check === f.code && formatPath(parsePath(a.at) ?? []) === formatPath(f.path));
    if (i >= 0) used.add(i);
    return i < 0;
  });
  // Only a clean run can tell an acknowledgement is stale: an error may hide the warning it answers.
  const clean = !findings.some((f) => f.severity === "error");
  acks.forEach((a, i) => {
    if (clean && !used.has(i)) {
      kept.push({ severity: "warning", code: "stale-acknowledgement", path: ["acknowledge", i], message: `登记的提醒（${a.check} @ ${a.at}）没有出现`, hint: "数据已改正的话，删去这条登记" });
    }
  });
  return kept.map((f) => ({
    severity: f.severity,
    code: f.code,
    message: f.message,
    ...(f.hint ? { hint: f.hint } : {}),
    ...loaded.locate(f.path),
    path: formatPath(f.path),
  }));
}

import { formatPath, parsePath, type Diagnostics } from "../diagnostics/index.js";
import type { Acknowledgement } from "../input/index.js";

/**
 * Warnings the data acknowledges (by code and data path, with a reason) are dropped. An acknowledgement that
 * matches nothing is itself reported, so none goes stale — but only on a clean run: an error may hide the warning
 * it answers.
 */
export function applyAcknowledgements(acks: readonly Acknowledgement[] | undefined, diagnostics: Diagnostics): void {
  if (!acks?.length) return;
  const used = new Set<number>();
  diagnostics.filter((r) => {
    if (r.severity === "error" || !r.path) return true;
    const i = acks.findIndex((a) => a.check === r.code && formatPath(parsePath(a.at) ?? []) === formatPath(r.path!));
    if (i >= 0) used.add(i);
    return i < 0;
  });
  if (diagnostics.hasErrors) return;
  acks.forEach((a, i) => {
    if (!used.has(i)) diagnostics.warning("stale-acknowledgement", ["acknowledge", i], `登记的提醒（${a.check} @ ${a.at}）没有出现`, "数据已改正的话，删去这条登记");
  });
}

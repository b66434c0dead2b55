import { formatPath, parsePath, type Diagnostics, type Report } from "../diagnostics/index.js";
import type { Acknowledgement } from "../input/index.js";

/**
 * Warnings the data acknowledges (by code and data path, with a reason) are dropped. An acknowledgement that
 * matches nothing is itself reported, so none goes stale — but only on a clean run: an error may hide the warning
 * it answers. Returns the warnings dropped, each with the reason the data gives, for those who list them apart.
 */
export function applyAcknowledgements(acks: readonly Acknowledgement[] | undefined, diagnostics: Diagnostics): Report[] {
  if (!acks?.length) return [];
  const used = new Set<number>();
  const dropped: Report[] = [];
  diagnostics.filter((r) => {
    if (r.severity === "error" || !r.path) return true;
    const i = acks.findIndex((a) => a.check === r.code && formatPath(parsePath(a.at) ?? []) === formatPath(r.path!));
    if (i < 0) return true;
    used.add(i);
    dropped.push({ ...r, hint: `已登记：${acks[i]!.reason}` });
    return false;
  });
  if (diagnostics.hasErrors) return dropped;
  acks.forEach((a, i) => {
    if (!used.has(i)) diagnostics.warning("stale-acknowledgement", ["acknowledge", i], `登记的提醒（${a.check} @ ${a.at}）没有出现`, "数据已改正的话，删去这条登记");
  });
  return dropped;
}

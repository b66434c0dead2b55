import { chineseDate, compareDates, parseDate, periodDates, periodName } from "../../text/index.js";
import type { Rule } from "./rule.js";

const words = (iso: string) => chineseDate(parseDate(iso)!);

/** 印发 and 整改 dates do not precede the 成文日期; each group's sampling lies in the period the circular reports. */
export const dates: Rule = (data, figures, diagnostics) => {
  if (data.colophon && compareDates(data.colophon.printedOn, data.date) < 0) {
    diagnostics.error("printed-before-date", ["colophon", "printedOn"], `印发日期 ${words(data.colophon.printedOn)} 早于成文日期 ${words(data.date)}`, "印发日期应在成文日期当天或之后");
  }
  if (data.deadline && compareDates(data.deadline, data.date) < 0) {
    diagnostics.error("deadline-before-date", ["deadline"], `整改期限 ${words(data.deadline)} 早于成文日期 ${words(data.date)}`, "整改期限应在成文日期之后");
  }
  const { start, end } = periodDates(data.period);
  const period = `${periodName(data.period, { year: true })}（${words(start)}至${words(end)}）`;
  for (const group of figures.groups.values()) {
    const s = group.figures.sampling;
    if (!s) continue;
    const at = ["groups", group.name, "sampling"];
    const from = s.from ?? s.to;
    if (compareDates(from, s.to) > 0) {
      diagnostics.error("sampling-order", [...at, "from"], `${group.figures.label}的检查开始日期 ${words(from)} 晚于截止日期 ${words(s.to)}`);
    } else if (compareDates(s.to, start) < 0 || compareDates(from, end) > 0) {
      diagnostics.error("sampling-period", at, `${group.figures.label}的检查时间与通报的${period}不重合`, "检查 period 或检查日期");
    } else if (compareDates(from, start) < 0 || compareDates(s.to, end) > 0) {
      diagnostics.warning("sampling-period", at, `${group.figures.label}的检查时间有一部分不在${period}内`, `有意为之请在 acknowledge 中登记：{ check: sampling-period, at: groups.${group.name}.sampling, reason: … }`);
    }
  }
};

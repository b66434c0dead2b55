import { chineseNumeral } from "../../render/chinese-numerals.js";
import { chineseDate } from "../../render/helpers.js";
import type { Sampling } from "../circular-data.js";
import { error, warning, type Finding, type Rule } from "./finding.js";

const quarterOf = (year: number, quarter: number) => {
  const pad = (n: number) => String(n).padStart(2, "0");
  const end = [31, 30, 30, 31][quarter - 1]!;
  return { start: `${year}-${pad(quarter * 3 - 2)}-01`, end: `${year}-${pad(quarter * 3)}-${end}` };
};

/** 印发 and 整改 dates do not precede the 成文日期; sampling lies in the quarter the circular reports. */
export const dates: Rule = ({ data }) => {
  const found: Finding[] = [];
  if (data.colophon && data.colophon.printedOn < data.date) {
    found.push(error("printed-before-date", ["colophon", "printedOn"], `印发日期 ${chineseDate(data.colophon.printedOn)} 早于成文日期 ${chineseDate(data.date)}`, "印发日期应在成文日期当天或之后"));
  }
  if (data.deadline && data.deadline < data.date) {
    found.push(error("deadline-before-date", ["deadline"], `整改期限 ${chineseDate(data.deadline)} 早于成文日期 ${chineseDate(data.date)}`, "整改期限应在成文日期之后"));
  }
  const { start, end } = quarterOf(data.period.year, data.period.quarter);
  const quarterName = `${data.period.year}年第${chineseNumeral(data.period.quarter)}季度（${chineseDate(start)}至${chineseDate(end)}）`;
  const sampling = (group: "sites" | "newMedia", s: Sampling | undefined) => {
    if (!s) return;
    const from = s.from ?? s.to;
    if (from > s.to) {
      found.push(error("sampling-order", [group, "sampling", "from"], `采样开始日期 ${chineseDate(from)} 晚于截止日期 ${chineseDate(s.to)}`));
    } else if (s.to < start || from > end) {
      found.push(error("sampling-quarter", [group, "sampling"], `采样时间与通报的${quarterName}不重合`, "检查 period 的年度、季度或采样日期"));
    } else if (from < start || s.to > end) {
      found.push(warning("sampling-quarter", [group, "sampling"], `采样时间有一部分不在${quarterName}内`, `有意为之请在 acknowledge 中登记：{ check: sampling-quarter, at: ${group}.sampling, reason: … }`));
    }
  };
  sampling("sites", data.sites?.sampling);
  sampling("newMedia", data.newMedia?.sampling);
  return found;
};

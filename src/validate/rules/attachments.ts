import { error, warning, type Finding, type Rule } from "./finding.js";

/** Each table has its rows, each column says what to show, and 附件说明 names the attachments that follow. */
export const attachments: Rule = (derived) => {
  const { data } = derived;
  const found: Finding[] = [];
  (data.attachments ?? []).forEach((a, i) => {
    if (!derived.tables[i]) {
      found.push(error("attachment-rows", ["attachments", i, "rows"], `附件${i + 1}的数据来源 ${a.rows} 在数据里没有`, `在数据里写上 ${a.rows}，或改用已有的数据来源`));
    }
    a.columns.forEach((c, k) => {
      const at = ["attachments", i, "columns", k];
      const ways = [c.field !== undefined, c.value !== undefined, c.number === true].filter(Boolean).length;
      if (ways !== 1) found.push(error("column-content", at, `列“${c.header}”要写 field、value、number 三者之一（现在写了 ${ways} 个）`, "field 写字段名；value 写单元格模板；number: true 表示序号列"));
      if (c.sum && c.field === undefined) found.push(error("column-sum", at, `列“${c.header}”要合计，须用 field 指明数值字段`));
      if (c.sum && a.total === undefined) found.push(error("column-sum", ["attachments", i, "total"], `附件${i + 1}有合计列，但没有写 total（合计行的标签）`, "写 total: 合计"));
      const rows = derived.tables[i]?.rows;
      if (c.sum && c.field && rows?.some((r) => typeof r[c.field!] !== "number")) {
        found.push(error("column-sum", at, `列“${c.header}”要合计，但字段 ${c.field} 不全是数值`));
      }
    });
  });
  const list = data.attachmentList;
  const titles = (data.attachments ?? []).map((a) => a.title);
  if (list) {
    if (list.length !== titles.length) {
      found.push(error("attachment-list-count", ["attachmentList"], `附件说明列了 ${list.length} 项，但有 ${titles.length} 个附件`, "附件说明与附件须一一对应；不写 attachmentList 时按附件标题生成"));
    } else {
      list.forEach((name, i) => {
        if (name !== titles[i] && !titles[i]!.includes("{{")) {
          found.push(warning("attachment-list-title", ["attachmentList", i], `附件说明第 ${i + 1} 项“${name}”与附件${i + 1}的标题“${titles[i]}”不同`, "GB/T 9704 要求二者一致；有意为之请在 acknowledge 中登记"));
        }
      });
    }
  }
  return found;
};

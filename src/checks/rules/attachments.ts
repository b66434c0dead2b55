import type { Rule } from "./rule.js";

/** 附件说明 names the attachments that follow, one for one (GB/T 9704 7.3.4). */
export const attachmentList: Rule = (data, _figures, diagnostics) => {
  const list = data.attachmentList;
  const titles = (data.attachments ?? []).map((a) => a.title);
  if (!list) return;
  if (list.length !== titles.length) {
    diagnostics.error("attachment-list-count", ["attachmentList"], `附件说明列了 ${list.length} 项，但有 ${titles.length} 个附件`, "附件说明与附件须一一对应；不写 attachmentList 时按附件标题生成");
    return;
  }
  list.forEach((name, i) => {
    if (name !== titles[i] && !titles[i]!.includes("{{")) {
      diagnostics.warning("attachment-list-title", ["attachmentList", i], `附件说明第 ${i + 1} 项“${name}”与附件${i + 1}的标题“${titles[i]}”不同`, "GB/T 9704 要求二者一致；有意为之请在 acknowledge 中登记");
    }
  });
};

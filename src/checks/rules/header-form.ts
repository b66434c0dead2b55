import type { Rule } from "./rule.js";

/** A circular has one 版头: 文件式 or 明电, not both. */
export const headerForm: Rule = (data, _figures, diagnostics) => {
  if (data.header && data.telegram) diagnostics.error("header-form", ["telegram"], "header（文件式版头）和 telegram（明电版头）只能写一个", "文件式通报删去 telegram，明电删去 header");
};

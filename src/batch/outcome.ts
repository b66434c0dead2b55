/** What became of one circular's output file. */
export type Outcome = "written" | "unchanged" | "skipped" | "failed";

const OUTCOME_WORDS: Record<Outcome, string> = { written: "已生成", unchanged: "未变化", skipped: "跳过", failed: "失败" };

/** The word a line of output starts with for an outcome. */
export const outcomeWord = (o: Outcome): string => OUTCOME_WORDS[o];

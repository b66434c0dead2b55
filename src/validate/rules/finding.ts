import type { Derived } from "../../derive/derive-circular.js";
import type { DataPath } from "../../load/data-path.js";

/** What a rule found, at a data path; positions are added when all rules have run. */
export interface Finding {
  severity: "error" | "warning";
  /** Stable code; a warning is acknowledged in the data by it and its path. */
  code: string;
  path: DataPath;
  message: string;
  hint?: string;
}

export type Rule = (derived: Derived) => Finding[];

export const error = (code: string, path: DataPath, message: string, hint?: string): Finding => ({ severity: "error", code, path, message, ...(hint ? { hint } : {}) });
export const warning = (code: string, path: DataPath, message: string, hint?: string): Finding => ({ severity: "warning", code, path, message, ...(hint ? { hint } : {}) });

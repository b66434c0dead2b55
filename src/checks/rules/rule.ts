import type { Diagnostics } from "../../diagnostics/index.js";
import type { Figures } from "../../figures/index.js";
import type { CircularData } from "../../input/index.js";

/** A cross-check: reads the data and its figures, reports what disagrees. */
export type Rule = (data: CircularData, figures: Figures, diagnostics: Diagnostics) => void;

/** The figures stage: every number of the circular, derived once from the checked data. */
export { agrees, type Comparison } from "./comparison.js";
export { templateContext } from "./context.js";
export { deriveFigures, type Figures } from "./derive.js";
export { Explainer, MAX_LISTED_ROWS, type Explanation } from "./explain.js";
export { FUNCTIONS, FormulaError, evaluate, parseFormula, rowScope, type Expr, type Row, type Scope } from "./formula/index.js";
export type { Group, GroupFigures, Origin } from "./groups.js";
export type { NamedFigure } from "./named-figures.js";
export type { RowSource, SourceField } from "./row-source.js";
export type { TableFigures } from "./tables.js";

/** The formula language of figures, kind fields and computed columns: parsed once, computed safely. */
export { FormulaError, UNAVAILABLE, Unavailable, namesIn, type Expr } from "./ast.js";
export { FUNCTIONS, describe, evaluate, rowScope, type Row, type Scope, type Uses } from "./evaluate.js";
export { parseFormula } from "./parser.js";

import type { DataPath, Diagnostics } from "../diagnostics/index.js";
import type { FigureData } from "../input/index.js";
import type { Comparison } from "./comparison.js";
import { compileFormula, computeFormula } from "./compile.js";
import { describe, type Expr, type Scope, type Uses } from "./formula/index.js";

/** A named figure as computed: its value, and what it came from for anyone asking. */
export interface NamedFigure {
  name: string;
  value: number;
  /** The formula it was computed by, or checked against. */
  formula?: string;
  /** The names the formula used. */
  uses: string[];
  /** Where the data defines it. */
  path: DataPath;
}

interface Definition {
  value?: number;
  formula?: string;
  method?: string;
  /** Where the formula text is written. */
  formulaPath: DataPath;
}

const definitionOf = (name: string, figure: FigureData): Definition => {
  const at: DataPath = ["figures", name];
  if (typeof figure === "number") return { value: figure, formulaPath: at };
  if (typeof figure === "string") return { formula: figure, formulaPath: at };
  return { ...figure, formulaPath: [...at, "formula"] };
};

/**
 * The data's named figures, each computed once on first use: stated ones as written, formulas over lists, groups
 * and other figures, and stated ones with a formula compared with it. A figure that depends on itself is an error.
 * `scopeOf` makes the scope formulas run in, given how to reach the figures.
 */
export function deriveNamedFigures(
  data: Record<string, FigureData> | undefined,
  scopeOf: (figure: (name: string) => number | undefined, names: () => string[]) => Scope,
  diagnostics: Diagnostics,
  comparisons: Comparison[],
): Map<string, NamedFigure> {
  const definitions = new Map(Object.entries(data ?? {}).map(([name, f]) => [name, definitionOf(name, f)]));
  const compiled = new Map<string, Expr | undefined>();
  const done = new Map<string, NamedFigure | undefined>();
  const computing: string[] = [];
  const names = () => [...definitions.keys()];

  const figure = (name: string): number | undefined => {
    if (done.has(name)) return done.get(name)?.value;
    const def = definitions.get(name);
    if (!def) return undefined;
    if (computing.includes(name)) {
      const loop = [...computing.slice(computing.indexOf(name)), name].join(" → ");
      diagnostics.error("formula", def.formulaPath, `数字 ${name} 的公式引用了自己：${loop}`, "公式不能循环引用");
      done.set(name, undefined);
      return undefined;
    }
    computing.push(name);
    const result = compute(name, def);
    computing.pop();
    done.set(name, result);
    return result?.value;
  };
  const scope = scopeOf(figure, names);

  const compute = (name: string, def: Definition): NamedFigure | undefined => {
    const path: DataPath = ["figures", name];
    if (def.formula === undefined) return { name, value: def.value!, uses: [], path };
    if (!compiled.has(name)) compiled.set(name, compileFormula(def.formula, def.formulaPath, diagnostics));
    const expr = compiled.get(name);
    if (!expr) return undefined;
    const uses: Uses = new Set();
    const computed = computeFormula(expr, scope, { path: def.formulaPath, text: def.formula }, diagnostics, uses);
    if (computed === undefined) return undefined;
    if (typeof computed !== "number") {
      diagnostics.error("formula", def.formulaPath, `数字 ${name} 的公式算出的是${describe(computed)}，不是数值`, "比较（=、>）得到的是条件，用在 count 等函数里");
      return undefined;
    }
    if (def.value !== undefined) {
      comparisons.push({ path: [...path, "value"], what: `数字 ${name}`, stated: def.value, computed, source: `按公式 ${def.formula} 计算`, ...(def.method ? { method: def.method } : {}) });
    }
    return { name, value: def.value ?? computed, formula: def.formula, uses: [...uses], path };
  };

  for (const name of definitions.keys()) figure(name);
  return new Map([...done].filter((e): e is [string, NamedFigure] => e[1] !== undefined));
}

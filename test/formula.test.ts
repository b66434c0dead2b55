import { describe, expect, it } from "vitest";
import { FormulaError, evaluate, parseFormula, type Scope } from "../src/figures/index.js";

const units = [
  { unit: "江城区", category: "县", received: 100, due: 90, onTime: 88, late: true, tags: ["物业", "供水"] },
  { unit: "市公安局", category: "市直", received: 50, due: 50, onTime: 45, late: false, tags: [] },
  { unit: "凤岭县", category: "县", received: 30, due: 30, onTime: 30, late: false, tags: ["供水"] },
];
const names: Record<string, unknown> = { units, target: 95, zero: 0, "sites.checked": 737, "sites.regions": [{ region: "广州", passRate: 100 }] };
const scope: Scope = { resolve: (parts) => (Object.hasOwn(names, parts.join(".")) ? names[parts.join(".")] : undefined), known: () => Object.keys(names) };
const run = (text: string) => evaluate(parseFormula(text), scope);

/** The error a formula gives, with the character it points at. */
function failure(text: string): { message: string; at: string } {
  try {
    run(text);
  } catch (e) {
    if (e instanceof FormulaError) return { message: e.message, at: text.slice(e.at) };
    throw e;
  }
  throw new Error(`${text} did not fail`);
}

describe("formula functions", () => {
  it("count, with and without a condition", () => {
    expect(run("count(units)")).toBe(3);
    expect(run('count(units, category = "县")')).toBe(2);
    expect(run('count(units, tags has "供水")')).toBe(2);
    expect(run("count(units, late)")).toBe(1);
    expect(run("count(units, not late and received >= 50)")).toBe(1);
  });
  it("sum, avg, min, max and distinct over a field or an expression", () => {
    expect(run("sum(units, received)")).toBe(180);
    expect(run('sum(units, received, category = "县")')).toBe(130);
    expect(run("sum(units, due - onTime)")).toBe(7);
    expect(run("avg(units, received)")).toBe(60);
    expect(run("min(units, onTime)")).toBe(30);
    expect(run("max(units, received)")).toBe(100);
    expect(run("distinct(units, category)")).toBe(2);
  });
  it("pick takes the one row a condition selects", () => {
    expect(run('pick(units, received, unit = "市公安局")')).toBe(50);
    expect(failure('pick(units, received, category = "县")')).toEqual({ message: "pick 的条件应当恰好选中一行，这里选中了 2 行", at: 'category = "县")' });
  });
  it("percent, ratio, round, abs and arithmetic", () => {
    expect(run("percent(sum(units, onTime), sum(units, due))")).toBeCloseTo(95.88, 2);
    expect(run("ratio(3, 4)")).toBe(0.75);
    expect(run("round(98.75, 1)")).toBe(98.8);
    expect(run("round(2.5)")).toBe(3);
    expect(run("abs(-3)")).toBe(3);
    expect(run("(1 + 2) * 3 - 4 / 2")).toBe(7);
    expect(run("0.1 + 0.2")).toBe(0.3);
    expect(run("sites.checked - 9")).toBe(728);
    expect(run("min(sites.regions, passRate)")).toBe(100);
  });
  it("reads a Chinese keyboard's brackets, comma, quotes and comparison signs", () => {
    expect(run("percent（45，50）")).toBe(90);
    expect(run("count(units, category ＝ “县”)")).toBe(2);
    expect(run("count(units, received ≥ 50)")).toBe(2);
  });
});

describe("formula errors point at their character", () => {
  it("an unknown name, with the nearest known one", () => {
    expect(failure("percent(onTime, tagret)")).toEqual({ message: "不认识的名称 onTime", at: "onTime, tagret)" });
    try {
      run("target - tagret");
    } catch (e) {
      expect((e as FormulaError).hint).toBe("是否想写 target？");
    }
  });
  it("a division by zero, a text where a number is needed, a wrong count of arguments", () => {
    expect(failure("percent(3, zero)")).toEqual({ message: "percent 的第 2 个参数是 0，无法计算", at: "zero)" });
    expect(failure("3 / zero")).toEqual({ message: "除数是 0", at: "zero" });
    expect(failure('sum(units, unit)')).toEqual({ message: "sum 的第 2 个参数应当是数值，这里是文字“江城区”", at: "unit)" });
    expect(failure("percent(1)")).toEqual({ message: "percent 要写 2 个参数，这里写了 1 个", at: "percent(1)" });
    expect(failure("count(target)")).toEqual({ message: "count 的第 1 个参数应当是清单（如 problems 或 sites.regions），这里是数值 95", at: "target)" });
    expect(failure("median(units, due)")).toEqual({ message: "没有名为 median 的函数", at: "median(units, due)" });
  });
  it("syntax: an unclosed quote or bracket, a stray mark, an empty formula", () => {
    expect(failure('count(units, unit = "江城区)')).toEqual({ message: "引号 \" 没有配对", at: '"江城区)' });
    expect(failure("percent(1, 2")).toEqual({ message: "这里应当是 )", at: "" });
    expect(failure("1 + ; 2")).toEqual({ message: "公式里不能有“;”", at: "; 2" });
    expect(failure("")).toEqual({ message: "公式是空的", at: "" });
    expect(failure("(".repeat(60) + "1" + ")".repeat(60)).message).toBe("公式嵌套超过 50 层");
  });
  it("never evaluates JavaScript: code is just an unknown name", () => {
    expect(failure("constructor").message).toBe("不认识的名称 constructor");
    expect(failure("process.exit(1)").message).toMatch(/^这里应当是|^不认识的名称|^公式在这里多出了/);
  });
});

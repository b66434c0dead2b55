/**
 * Runs one fuzz case through the library and judges it: a .docx whose every part is well-formed XML, or a
 * TongbaoError whose every diagnostic has a position and a Chinese message; nothing else, no prototype changed.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, TongbaoError, type Diagnostic } from "../../src/index.js";
import { malformedParts } from "../helpers/well-formed.js";
import { FIXTURES, caseText, type FuzzCase } from "./cases.js";

export type Verdict = "built" | "refused" | "internal" | "malformed" | "unpositioned" | "prototype";
export interface Outcome {
  verdict: Verdict;
  ms: number;
  detail?: string;
}
export const GOOD: readonly Verdict[] = ["built", "refused"];

/** A folder with every file the cases may name, and a file outside it that they must not reach. */
export function caseFolder(): string {
  const parent = mkdtempSync(join(tmpdir(), "tongbao-fuzz-"));
  writeFileSync(join(parent, "outside.yaml"), "note: 工作文件夹之外的机密\n");
  const dir = join(parent, "work");
  mkdirSync(dir);
  for (const [name, content] of Object.entries(FIXTURES)) writeFileSync(join(dir, name), content);
  mkdirSync(join(dir, "folder.yaml"));
  spawnSync("mkfifo", [join(dir, "fifo.yaml")]);
  writeFileSync(join(dir, "sparse.png"), "");
  truncateSync(join(dir, "sparse.png"), 600 * 1024 * 1024);
  symlinkSync(join(parent, "outside.yaml"), join(dir, "out-link.yaml"));
  return dir;
}

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype];
const snapshot = () => PROTOTYPES.map((p) => Object.getOwnPropertyNames(p).sort().join(",")).join("|");
const BEFORE = snapshot();

const CHINESE = /[\u4e00-\u9fff]/;
const positioned = (d: Diagnostic) => typeof d.file === "string" && d.file.length > 0 && Number.isInteger(d.line) && d.line >= 1 && Number.isInteger(d.col) && d.col >= 1 && CHINESE.test(d.message);

export async function checkCase(c: FuzzCase, dir: string): Promise<Outcome> {
  const file = join(dir, "data.yaml");
  writeFileSync(file, caseText(c));
  const start = performance.now();
  let outcome: Omit<Outcome, "ms">;
  try {
    const built = await build(file, { root: dir });
    const problems = malformedParts(built.docx);
    outcome = problems.length ? { verdict: "malformed", detail: problems.join("; ") } : { verdict: "built" };
  } catch (e) {
    if (e instanceof TongbaoError) {
      const bad = e.diagnostics.find((d) => !positioned(d));
      outcome = bad ? { verdict: "unpositioned", detail: JSON.stringify(bad) } : { verdict: "refused" };
    } else outcome = { verdict: "internal", detail: (e as Error).stack ?? String(e) };
  }
  const ms = performance.now() - start;
  if (snapshot() !== BEFORE || ({} as Record<string, unknown>).polluted !== undefined) outcome = { verdict: "prototype", detail: "a built-in prototype changed" };
  return { ...outcome, ms };
}

#!/usr/bin/env node
/**
 * npm run fuzz -- [--cases 20000] [--seed 1] [--jobs N]
 *
 * Runs the fuzz suite's cases (test/fuzz/) as long as asked: the cases are split over N processes, each with a
 * 1 GB heap, each logging every case before and after it runs. A process that dies (out of memory) or stops
 * reporting for a minute (a hang) has its case recorded as a finding and resumes after it. Prints the count of
 * each outcome and every finding with the case that caused it (paste it into a test); exits 1 if there was any.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { cases: { type: "string", default: "20000" }, seed: { type: "string", default: "1" }, jobs: { type: "string" } },
});
const cases = Number(values.cases);
const seed = Number(values.seed);
const jobs = Math.max(1, Number(values.jobs ?? Math.max(1, availableParallelism() - 1)));
if (!(Number.isInteger(cases) && cases > 0 && Number.isInteger(seed))) {
  console.error("用法：npm run fuzz -- [--cases 20000] [--seed 1] [--jobs N]");
  process.exit(2);
}

const HANG_MS = 60_000;
const SLOW_MS = 10_000;
const HEAP_MB = 1024;
const logs = mkdtempSync(join(tmpdir(), "tongbao-fuzz-log-"));
const vitest = join(import.meta.dirname, "..", "node_modules", "vitest", "vitest.mjs");

const readLog = (file) =>
  existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : [];

/** One shard: its own seed, run until all its cases are done, restarted after a crash or a hang. */
async function shard(index, count) {
  const findings = [];
  const outcomes = [];
  let skip = 0;
  for (let attempt = 0; skip < count; attempt++) {
    const log = join(logs, `shard-${index}-${attempt}.jsonl`);
    const child = spawn(process.execPath, [vitest, "run", "test/fuzz.test.ts"], {
      cwd: join(import.meta.dirname, ".."),
      env: { ...process.env, FUZZ_SEED: String(seed * 1000 + index), FUZZ_CASES: String(count), FUZZ_SKIP: String(skip), FUZZ_LOG: log, NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` },
      stdio: "ignore",
    });
    let hung = false;
    const watch = setInterval(() => {
      const rows = readLog(log);
      const last = rows.at(-1);
      if (last && "start" in last && Date.now() - last.at > HANG_MS) {
        hung = true;
        child.kill("SIGKILL");
      }
    }, 5_000);
    const code = await new Promise((resolve) => child.on("exit", (c, signal) => resolve(c ?? signal)));
    clearInterval(watch);
    const rows = readLog(log);
    for (const row of rows) if ("done" in row) outcomes.push(row);
    const last = rows.at(-1);
    if (last && "start" in last) {
      findings.push({ verdict: hung ? "hang" : "crashed", detail: hung ? `no answer for ${HANG_MS / 1000} s` : `process ended (${code}): out of memory?`, case: last.case });
      skip = last.start + 1;
    } else if (rows.length === 0 || code !== 0) {
      throw new Error(`fuzz shard ${index} could not run (exit ${code}); run FUZZ_LOG=x npx vitest run test/fuzz.test.ts to see why`);
    } else skip = count;
  }
  for (const o of outcomes) {
    if (o.verdict !== "built" && o.verdict !== "refused") findings.push(o);
    else if (o.ms >= SLOW_MS) findings.push({ ...o, verdict: "slow" });
  }
  return { outcomes, findings };
}

const per = Math.ceil(cases / jobs);
const started = Date.now();
const results = await Promise.all(Array.from({ length: jobs }, (_, i) => shard(i, Math.min(per, cases - i * per))).filter((_, i) => i * per < cases));
const outcomes = results.flatMap((r) => r.outcomes);
const findings = results.flatMap((r) => r.findings);
const count = (v) => outcomes.filter((o) => o.verdict === v).length;
const slowest = outcomes.reduce((a, o) => Math.max(a, o.ms), 0);
const peak = outcomes.reduce((a, o) => Math.max(a, o.maxRss), 0);
console.log(`fuzz: ${outcomes.length + findings.filter((f) => f.verdict === "hang" || f.verdict === "crashed").length} cases, seed ${seed}, ${jobs} processes, ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`  built ${count("built")}, refused with positioned errors ${count("refused")}`);
console.log(`  internal errors ${count("internal")}, unopenable outputs ${count("malformed")}, errors without a position ${count("unpositioned")}, prototype changes ${count("prototype")}`);
console.log(`  over ${SLOW_MS / 1000} s ${findings.filter((f) => f.verdict === "slow").length}, hangs ${findings.filter((f) => f.verdict === "hang").length}, over ${HEAP_MB} MB heap ${findings.filter((f) => f.verdict === "crashed").length}`);
console.log(`  slowest case ${Math.round(slowest)} ms; largest process ${Math.round(peak / 1024 / 1024)} MB resident`);
/** A case can hold a text repeated 20,000 times: shown shortened, kept whole in findings.json. */
const short = (text) => (text.length > 600 ? `${text.slice(0, 600)}…（共 ${text.length} 个字符）` : text);
for (const f of findings) console.log(`\n${f.verdict}: ${short(f.detail ?? "")}\n  case: ${short(JSON.stringify(f.case))}`);
writeFileSync(join(logs, "findings.json"), JSON.stringify(findings, null, 2));
console.log(`\nlogs and findings.json (whole cases, to paste into a test): ${logs}`);
process.exit(findings.length ? 1 : 0);

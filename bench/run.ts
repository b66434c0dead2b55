/**
 * npm run bench: tongbao against docxtemplater, both from files on disk, on (a) a typical circular, (b) one whose
 * attachment has 5,000 rows, (c) a batch of 100 city circulars; with the floor for (b) (the same bytes by string
 * concatenation and zlib), 100,000 rows' peak memory, and a cold `tongbao build`. docxtemplater's template is
 * tongbao's own output with tags in place of the texts (derive-template.ts), so both write the same document. The
 * tools run in processes of their own, kept warm, and take turns (A B, B A, …): a busy moment of the machine falls
 * on both. Prints min / median and exits 1 if a target is missed.
 */
import { execFileSync, fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir, totalmem } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "tongbao";
import type { Case, Cases, Scenario } from "./cases.js";
import { elementCounts, equivalentTemplate } from "./derive-template.js";
import { renderDocxtemplater } from "./docxtemplater.js";
import { generateCities, generateLargeAttachment } from "./generate.js";
import { ms, pair, stats, type Stats } from "./stats.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const LARGE_ROWS = 5000;
const HUGE_ROWS = 100_000;
const CITIES = 100;
const TYPICAL = join(ROOT, "data/guangdong-2019-q1.yaml");

/** Writes every input once, outside any timing: the data files, tongbao's outputs, docxtemplater's equivalents. */
async function prepare(work: string): Promise<Cases> {
  const equivalent = async (file: string): Promise<Case> => {
    const name = basename(file, ".yaml");
    const { docx } = await build(file, { anywhere: true });
    const { template, data } = equivalentTemplate(docx);
    const paths = { templates: [join(work, `${name}.template.docx`)], data: [join(work, `${name}.json`)], outputs: [join(work, `${name}.tongbao.docx`)] };
    writeFileSync(paths.templates[0]!, template);
    writeFileSync(paths.data[0]!, JSON.stringify(data));
    writeFileSync(paths.outputs[0]!, docx);
    return { files: [file], ...paths };
  };
  const cities = await Promise.all(generateCities(join(work, "cities"), CITIES).map(equivalent));
  const cases: Cases = {
    work,
    typical: await equivalent(TYPICAL),
    large: await equivalent(generateLargeAttachment(work, LARGE_ROWS)),
    batch: { files: cities.flatMap((c) => c.files), templates: cities.flatMap((c) => c.templates), data: cities.flatMap((c) => c.data), outputs: cities.flatMap((c) => c.outputs) },
    huge: { files: [generateLargeAttachment(work, HUGE_ROWS)], templates: [], data: [], outputs: [] },
  };
  writeFileSync(join(work, "cases.json"), JSON.stringify(cases));
  return cases;
}

/** A warm process running one tool. */
class Runner {
  private readonly child: ChildProcess;
  private readonly ready: Promise<void>;
  constructor(tool: string, casesFile: string, heapMB?: number) {
    this.child = fork(fileURLToPath(new URL("./runner.js", import.meta.url)), [tool, casesFile], { execArgv: heapMB ? [`--max-old-space-size=${heapMB}`] : [], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    this.ready = new Promise((resolve) => this.child.once("message", () => resolve()));
  }

  private ask<T>(message: string): Promise<T> {
    return this.ready.then(
      () =>
        new Promise<T>((resolve, reject) => {
          const exited = (code: number | null) => reject(new Error(`runner exited ${code}`));
          this.child.once("exit", exited);
          this.child.once("message", (m) => {
            this.child.off("exit", exited);
            resolve(m as T);
          });
          this.child.send(message);
        }),
    );
  }

  run = (scenario: Scenario) => this.ask<{ ms: number; bytes: number }>(scenario);
  memory = () => this.ask<{ maxRssMB: number }>("memory").then((m) => m.maxRssMB);
  stop = () => this.child.kill();
}

/** Warm-up runs, then `rounds` rounds in which the runners take turns, the order alternating. */
async function interleaved(scenario: Scenario, runners: Record<string, Runner>, warmups: number, rounds: number): Promise<Record<string, Stats & { bytes: number }>> {
  const names = Object.keys(runners);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const bytes: Record<string, number> = {};
  for (let i = 0; i < warmups; i++) for (const n of names) await runners[n]!.run(scenario);
  for (let round = 0; round < rounds; round++) {
    for (const n of round % 2 ? [...names].reverse() : names) {
      const r = await runners[n]!.run(scenario);
      times[n]!.push(r.ms);
      bytes[n] = r.bytes;
    }
  }
  return Object.fromEntries(names.map((n) => [n, { ...stats(times[n]!), bytes: bytes[n]! }]));
}

function coldBuild(work: string): Stats {
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const start = performance.now();
    execFileSync(process.execPath, [join(ROOT, "dist/tongbao.js"), "build", TYPICAL, "-o", join(work, "out-cold")], { cwd: ROOT });
    times.push(performance.now() - start);
  }
  return stats(times);
}

const work = mkdtempSync(join(tmpdir(), "tongbao-bench-"));
// The generated data (tens of megabytes) goes when the run ends, whether or not it ends well.
process.on("exit", () => rmSync(work, { recursive: true, force: true }));
process.stderr.write(`准备数据（${work}）…\n`);
const cases = await prepare(work);
const casesFile = join(work, "cases.json");
const runners = { tongbao: new Runner("tongbao", casesFile), docxtemplater: new Runner("docxtemplater", casesFile) };
const floor = new Runner("floor", casesFile);

process.stderr.write("测量 (a)…\n");
const typical = await interleaved("typical", runners, 3, 15);
process.stderr.write("测量 (b)…\n");
// As many rounds as (a): the medians of a noisy machine settle with more, and the ratio to the floor is of two medians.
const large = await interleaved("large", { ...runners, floor }, 2, 15);
process.stderr.write("测量 (c)…\n");
const batch = await interleaved("batch", runners, 1, 5);
const memory = { tongbao: await runners.tongbao.memory(), docxtemplater: await runners.docxtemplater.memory() };
for (const r of [...Object.values(runners), floor]) r.stop();

process.stderr.write(`测量 ${HUGE_ROWS} 行的峰值内存…\n`);
const huge = new Runner("tongbao", casesFile);
const hugeRun = await huge.run("huge");
const hugeMB = await huge.memory();
huge.stop();
process.stderr.write("测量冷启动…\n");
const cold = coldBuild(work);

// The two tools' documents, element by element: equal counts show the comparison is like for like.
const counts = (c: Case) => ({ tongbao: elementCounts(readFileSync(c.outputs[0]!)), docxtemplater: elementCounts(renderDocxtemplater(c.templates[0]!, c.data[0]!)) });

const out: string[] = [];
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const rate = (s: Stats) => (CITIES / s.median) * 1000;
out.push(`机器：${cpus()[0]?.model ?? "?"}，${availableParallelism()} 核，${(totalmem() / 2 ** 30).toFixed(0)} GB；Node ${process.version}；${new Date().toISOString().slice(0, 10)}`);
out.push("", "时间为最小值 / 中位数（两个工具交替运行，都从磁盘上的文件开始）", "");
out.push("| 场景 | tongbao | docxtemplater | docxtemplater ÷ tongbao（中位数） | 输出大小 tongbao / docxtemplater |", "|---|---|---|---|---|");
const line = (label: string, r: Record<string, Stats & { bytes: number }>) =>
  out.push(`| ${label} | ${pair(r.tongbao!)} | ${pair(r.docxtemplater!)} | ${(r.docxtemplater!.median / r.tongbao!.median).toFixed(2)}× | ${kb(r.tongbao!.bytes)} / ${kb(r.docxtemplater!.bytes)} |`);
line("(a) 典型通报（广东 2019 年第一季度）", typical);
line(`(b) 附件 ${LARGE_ROWS} 行`, large);
line(`(c) ${CITIES} 份城市通报（tongbao --jobs 2）`, batch);
out.push("");
out.push(`(b) 下限（同样的 XML 字符串拼接 + zlib 6 级压缩）：${pair(large.floor!)}；tongbao 是下限的 ${(large.tongbao!.median / large.floor!.median).toFixed(2)} 倍`);
out.push(`(c) 每秒份数：tongbao ${rate(batch.tongbao!).toFixed(0)}，docxtemplater ${rate(batch.docxtemplater!).toFixed(0)}`);
out.push(`峰值内存（(a)–(c) 的进程）：tongbao ${memory.tongbao.toFixed(0)} MB，docxtemplater ${memory.docxtemplater.toFixed(0)} MB`);
out.push(`附件 ${HUGE_ROWS} 行（从文件，一次）：${ms(hugeRun.ms)}，峰值内存 ${hugeMB.toFixed(0)} MB，输出 ${kb(hugeRun.bytes)}`);
out.push(`冷启动 \`tongbao build\`（一份示例，含 Node 启动）：${pair(cold)}`);
out.push("", "两个工具写出的 document.xml（tongbao / docxtemplater）：");
for (const [label, c] of [["(a)", cases.typical], ["(b)", cases.large]] as const) {
  const { tongbao, docxtemplater } = counts(c);
  out.push(`${label} ${Object.keys(tongbao).map((k) => `${k} ${tongbao[k as keyof typeof tongbao]} / ${docxtemplater[k as keyof typeof docxtemplater]}`).join("，")}`);
}

const targets: [string, boolean][] = [
  [`(a) 不慢于 docxtemplater（中位数）：${ms(typical.tongbao!.median)} 对 ${ms(typical.docxtemplater!.median)}`, typical.tongbao!.median <= typical.docxtemplater!.median],
  [`(b) 至少比 docxtemplater 快 3 倍：${(large.docxtemplater!.median / large.tongbao!.median).toFixed(2)}×`, large.docxtemplater!.median / large.tongbao!.median >= 3],
  [`(b) 在下限的 2 倍以内：${(large.tongbao!.median / large.floor!.median).toFixed(2)} 倍`, large.tongbao!.median <= 2 * large.floor!.median],
  [`(b) ${HUGE_ROWS} 行峰值内存少于 600 MB：${hugeMB.toFixed(0)} MB`, hugeMB < 600],
  [`(c) 每秒份数不少于 docxtemplater：${rate(batch.tongbao!).toFixed(0)} 对 ${rate(batch.docxtemplater!).toFixed(0)}`, rate(batch.tongbao!) >= rate(batch.docxtemplater!)],
  [`冷启动少于 0.25 秒（中位数）：${ms(cold.median)}`, cold.median < 250],
];
out.push("", ...targets.map(([text, ok]) => `${ok ? "✓" : "✗"} ${text}`));
process.stdout.write(`${out.join("\n")}\n`);
process.exitCode = targets.every(([, ok]) => ok) ? 0 : 1;

/**
 * npm run bench: tongbao against docxtemplater rendering an equivalent template with the same data (see
 * equivalent-template.ts), on (a) a typical circular, (b) one whose attachment has 5,000 rows, (c) a batch of 100
 * city circulars; plus a cold `tongbao build`. Each measurement runs in its own process; times are medians of
 * repeated runs after a warm-up. Both tools start from their data in memory, as docxtemplater must; tongbao's time
 * from the YAML file is shown beside it. Exits 1 if a target is missed.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "tongbao";
import { equivalentData, equivalentTemplate } from "./equivalent-template.js";
import { generateCities, generateLargeAttachment } from "./generate.js";

export interface BatchCase {
  files: string[];
}

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const LARGE_ROWS = 5000;
const CITIES = 100;

async function prepare(work: string) {
  const typical = join(ROOT, "data/guangdong-2019-q1.yaml");
  const large = generateLargeAttachment(work, LARGE_ROWS);
  const files = generateCities(join(work, "cities"), CITIES);
  writeFileSync(join(work, "cases.json"), JSON.stringify({ typical, large, batch: { files } }));
  // The docxtemplater inputs are made outside any timing, from tongbao's own model of the same data.
  const equivalent = async (file: string, name: string, withTemplate = true) => {
    const { model } = await compile(file);
    if (withTemplate) writeFileSync(join(work, `${name}.template.docx`), await equivalentTemplate(model));
    writeFileSync(join(work, `${name}.data.json`), JSON.stringify(equivalentData(model)));
  };
  await equivalent(typical, "typical");
  await equivalent(large, "large");
  await equivalent(files[0]!, "batch");
  for (const [i, file] of files.entries()) await equivalent(file, `batch-${i}`, false);
}

interface Measure {
  ms: number;
  maxRssMB: number;
}

const measure = (tool: string, scenario: string, work: string): Measure =>
  JSON.parse(execFileSync(process.execPath, [fileURLToPath(new URL("./scenario.js", import.meta.url)), tool, scenario, work], { encoding: "utf8", maxBuffer: 1 << 20 }));

function coldBuild(work: string): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    execFileSync(process.execPath, [join(ROOT, "dist/cli/main.js"), "build", join(ROOT, "data/guangdong-2019-q1.yaml"), "-o", join(work, "out-cold")]);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[2]!;
}

const work = mkdtempSync(join(tmpdir(), "tongbao-bench-"));
process.stderr.write(`准备数据（${work}）…\n`);
await prepare(work);
const rows: [string, string][] = [
  ["typical", "(a) 典型通报（广东 2019 年第一季度）"],
  ["large", `(b) 附件 ${LARGE_ROWS} 行`],
  ["batch", `(c) ${CITIES} 份城市通报`],
];
const results = Object.fromEntries(
  rows.map(([scenario]) => {
    process.stderr.write(`测量 ${scenario}…\n`);
    // A batch reads its files in any case; the others are measured both from memory and from the file.
    const fromFile = scenario === "batch" ? undefined : measure("tongbao-file", scenario, work);
    return [scenario, { tongbao: measure("tongbao", scenario, work), fromFile, docxtemplater: measure("docxtemplater", scenario, work) }];
  }),
) as Record<string, { tongbao: Measure; fromFile?: Measure; docxtemplater: Measure }>;
const cold = coldBuild(work);

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
process.stdout.write(`\n机器：${cpus()[0]?.model ?? "?"}，${availableParallelism()} 核，Node ${process.version}\n\n`);
process.stdout.write("| 场景 | tongbao | docxtemplater | tongbao 快几倍 | 峰值内存 tongbao / docxtemplater | tongbao 从 YAML 文件起 |\n|---|---|---|---|---|---|\n");
for (const [scenario, label] of rows) {
  const { tongbao, fromFile, docxtemplater } = results[scenario]!;
  const rate = scenario === "batch" ? `（${((CITIES / tongbao.ms) * 1000).toFixed(0)} 份/秒，对 ${((CITIES / docxtemplater.ms) * 1000).toFixed(0)} 份/秒）` : "";
  const file = fromFile ? `${fmt(fromFile.ms)}，${fromFile.maxRssMB.toFixed(0)} MB` : "（批量本来就从文件起）";
  process.stdout.write(`| ${label} | ${fmt(tongbao.ms)}${rate} | ${fmt(docxtemplater.ms)} | ${(docxtemplater.ms / tongbao.ms).toFixed(2)}× | ${tongbao.maxRssMB.toFixed(0)} MB / ${docxtemplater.maxRssMB.toFixed(0)} MB | ${file} |\n`);
}
process.stdout.write(`| 冷启动 \`tongbao build\`（一份示例，含 Node 启动） | ${fmt(cold)} | | | | |\n\n`);

const large = results.large!;
const batch = results.batch!;
const targets: [string, boolean][] = [
  [`(b) 少于 1 秒：${fmt(large.tongbao.ms)}`, large.tongbao.ms < 1000],
  [`(b) 至少比 docxtemplater 快 3 倍：${(large.docxtemplater.ms / large.tongbao.ms).toFixed(2)}×`, large.docxtemplater.ms / large.tongbao.ms >= 3],
  [`(b) 峰值内存少于 300 MB（从 YAML 文件起也算）：${large.tongbao.maxRssMB.toFixed(0)} MB，${large.fromFile!.maxRssMB.toFixed(0)} MB`, Math.max(large.tongbao.maxRssMB, large.fromFile!.maxRssMB) < 300],
  [`(c) 每秒至少 40 份：${((CITIES / batch.tongbao.ms) * 1000).toFixed(1)} 份/秒`, (CITIES / batch.tongbao.ms) * 1000 >= 40],
  [`冷启动少于 0.6 秒：${fmt(cold)}`, cold < 600],
];
for (const [text, ok] of targets) process.stdout.write(`${ok ? "✓" : "✗"} ${text}\n`);
process.exitCode = targets.every(([, ok]) => ok) ? 0 : 1;

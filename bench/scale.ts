/**
 * npm run bench:scale [-- N]: a country's quarter on one machine. Generates N city circulars (3,000 by default) and
 * times one `tongbao batch` of them from the command line, as a clerk would run it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCities } from "./generate.js";

const count = Number(process.argv[2] ?? 3000);
const work = mkdtempSync(join(tmpdir(), "tongbao-scale-"));
// The generated data (tens of megabytes) goes when the run ends, whether or not it ends well.
process.on("exit", () => rmSync(work, { recursive: true, force: true }));
generateCities(join(work, "cities"), count);
const main = fileURLToPath(new URL("../../dist/tongbao.js", import.meta.url));
const start = performance.now();
execFileSync(process.execPath, [main, "batch", join(work, "cities"), "-o", join(work, "out")], { cwd: work, stdio: ["ignore", "ignore", "inherit"] });
const seconds = (performance.now() - start) / 1000;
const written = readdirSync(join(work, "out")).filter((f) => f.endsWith(".docx")).length;
process.stdout.write(`${cpus()[0]?.model ?? "?"}，${availableParallelism()} 核，Node ${process.version}：${written} 份通报 ${seconds.toFixed(1)} 秒（每秒 ${(written / seconds).toFixed(0)} 份）\n`);
process.exitCode = written === count ? 0 : 1;

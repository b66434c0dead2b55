#!/usr/bin/env node
import { parseArgs } from "node:util";
import { attachmentsCommand, batchCommand, buildCommand, checkCommand, htmlCommand } from "./commands.js";
import { EXIT, HELP, UsageError } from "./usage.js";

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(`${HELP.main}\n`);
    return command ? EXIT.ok : EXIT.usage;
  }
  const help = Object.hasOwn(HELP, command) ? HELP[command] : undefined;
  if (!help || command === "main") throw new UsageError(`不认识的命令：${command}`);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        out: { type: "string", short: "o" },
        pdf: { type: "boolean" },
        only: { type: "string" },
        jobs: { type: "string", short: "j" },
        force: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        "allow-dir": { type: "string", multiple: true },
      },
      strict: true,
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError("请给出至少一个数据文件（.yaml）");
  if (command === "check" && (values.out !== undefined || values.pdf)) throw new UsageError("check 不写文件，不接受 -o 或 --pdf");
  if ((values.jobs !== undefined || values.force) && command !== "batch") throw new UsageError("--jobs 和 --force 只用于 batch");
  const options = { outDir: values.out ?? "out", build: values["allow-dir"] ? { allow: values["allow-dir"] } : {} };
  if (command === "check") return checkCommand(positionals, options);
  if (command === "batch") {
    if (positionals.length !== 1) throw new UsageError("batch 只接受一个清单文件或文件夹");
    const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
    if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError(`--jobs 要写正整数，这里写的是 ${values.jobs}`);
    if (values.pdf) throw new UsageError("batch 不接受 --pdf");
    return batchCommand(positionals[0]!, options, { force: values.force === true, ...(jobs ? { jobs } : {}) });
  }
  if (values.only !== undefined && command !== "attachments") throw new UsageError("--only 只用于 attachments");
  if (command === "html") {
    if (values.pdf) throw new UsageError("html 不接受 --pdf");
    return htmlCommand(positionals, options);
  }
  if (command === "attachments") {
    const only = values.only === undefined ? undefined : Number(values.only);
    if (only !== undefined && !(Number.isInteger(only) && only >= 1)) throw new UsageError(`--only 要写附件的序号（1、2……），这里写的是 ${values.only}`);
    if (values.pdf) throw new UsageError("attachments 不接受 --pdf");
    return attachmentsCommand(positionals, options, only);
  }
  return buildCommand(positionals, options, command === "pdf" || values.pdf === true);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      const command = process.argv[2];
      process.stderr.write(`用法错误：${e.message}\n\n${HELP[command && Object.hasOwn(HELP, command) ? command : "main"]}\n`);
      process.exitCode = EXIT.usage;
    } else {
      process.stderr.write(`tongbao 内部错误（请报告）：${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 70;
    }
  },
);

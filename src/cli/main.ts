import { readFileSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { packageFile } from "../package-files.js";
import { closest } from "../text/index.js";
import { attachmentsCommand, batchCommand, buildCommand, checkCommand, htmlCommand, type CommandOptions } from "./commands.js";
import { expandPatterns } from "./patterns.js";
import { DEFAULT_PREVIEW_PORT, EXIT, HELP, UsageError } from "./usage.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

const OUT: Options = { out: { type: "string", short: "o" } };
const ALLOW: Options = { "allow-dir": { type: "string", multiple: true } };
/** The options each command accepts; an option of another command is named as such. */
const COMMANDS: Record<string, Options> = {
  build: { ...OUT, pdf: { type: "boolean" }, soffice: { type: "string" }, ...ALLOW },
  pdf: { ...OUT, soffice: { type: "string" }, ...ALLOW },
  attachments: { ...OUT, only: { type: "string" }, ...ALLOW },
  batch: { ...OUT, jobs: { type: "string", short: "j" }, force: { type: "boolean" }, ...ALLOW },
  html: { ...OUT, ...ALLOW },
  check: { ...ALLOW },
  preview: { ...OUT, port: { type: "string" }, region: { type: "string" }, "no-open": { type: "boolean" }, soffice: { type: "string" }, ...ALLOW },
  init: {},
  template: { ...OUT, data: { type: "string" } },
};

const version = (): string => (JSON.parse(readFileSync(packageFile("package.json"), "utf8")) as { version: string }).version;

/** node:util's English parse errors, in the clerk's words, with the option that was probably meant. */
function optionError(command: string, e: NodeJS.ErrnoException): UsageError {
  const option = /'(-[^']*)'/.exec(e.message)?.[1] ?? "";
  const written = option.replace(/^-+/, "").split(/[ ,=]/)[0] ?? "";
  // -o is --out: a short option is reported by its long name.
  const all = Object.values(COMMANDS).flatMap((o) => Object.entries(o));
  const name = written.length === 1 ? (all.find(([, spec]) => spec.short === written)?.[0] ?? written) : written;
  switch (e.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION": {
      const owners = Object.keys(COMMANDS).filter((c) => Object.hasOwn(COMMANDS[c]!, name));
      if (owners.length) return new UsageError(`${command} 不接受 --${name}（它用于 ${owners.join("、")}）`);
      const guess = closest(name, [...new Set(Object.values(COMMANDS).flatMap((o) => Object.keys(o)))]);
      const where = guess && !Object.hasOwn(COMMANDS[command]!, guess) ? `（用于 ${Object.keys(COMMANDS).filter((c) => Object.hasOwn(COMMANDS[c]!, guess)).join("、")}）` : "";
      return new UsageError(`不认识的选项 ${option.split(" ")[0]}${guess ? `，是否想写 --${guess}${where}？` : ""}`);
    }
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return new UsageError(/argument missing/.test(e.message) ? `选项 ${option.split(",").pop()!.trim().split(" ")[0]} 后面要写一个值` : `选项 ${option} 不需要值`);
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return new UsageError(`多出了参数：${/'([^']*)'/.exec(e.message)?.[1] ?? ""}`);
    default:
      return new UsageError(`命令行有误（${e.message}）`);
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "--version" || command === "-v" || command === "version") {
    process.stdout.write(`tongbao ${version()}\n`);
    return EXIT.ok;
  }
  if (!command || command === "--help" || command === "-h" || command === "help") {
    const topic = command === "help" ? rest[0] : undefined;
    if (topic !== undefined && !Object.hasOwn(COMMANDS, topic)) throw new UsageError(unknownCommand(topic));
    process.stdout.write(`${HELP[topic ?? "main"]}\n`);
    return command ? EXIT.ok : EXIT.usage;
  }
  if (!Object.hasOwn(COMMANDS, command)) throw new UsageError(unknownCommand(command));
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: { ...COMMANDS[command], help: { type: "boolean", short: "h" } }, strict: true });
  } catch (e) {
    throw optionError(command, e as NodeJS.ErrnoException);
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  if (values.help) {
    process.stdout.write(`${HELP[command]}\n`);
    return EXIT.ok;
  }
  const out = (values.out as string | undefined) ?? "out";
  const allow = values["allow-dir"] as string[] | undefined;
  const options: CommandOptions = { outDir: out, build: allow ? { allow } : {} };
  if (command === "init") {
    if (parsed.positionals.length > 1) throw new UsageError("init 只接受一个文件名");
    // init, template and preview load their modules when run: every start of `build` would otherwise load them
    // (the preview's web server, its file watcher, the spreadsheet writer).
    const { initCommand } = await import("./init.js");
    return initCommand(parsed.positionals[0] ?? "通报.yaml");
  }
  if (command === "template") {
    if (parsed.positionals.length !== 1) throw new UsageError("请给出一个种类的名字，如 tongbao template website");
    const { templateCommand } = await import("./template.js");
    return templateCommand(parsed.positionals[0]!, values.out as string | undefined, values.data as string | undefined);
  }
  if (command === "preview") {
    if (parsed.positionals.length !== 1) throw new UsageError("preview 只接受一个数据文件");
    const port = values.port === undefined ? DEFAULT_PREVIEW_PORT : Number(values.port);
    if (!(Number.isInteger(port) && port >= 0 && port <= 65535)) throw new UsageError(`--port 要写 0 到 65535 的整数，这里写的是 ${values.port as string}`);
    const { previewCommand } = await import("./preview.js");
    return previewCommand(parsed.positionals[0]!, options, {
      port,
      open: values["no-open"] !== true,
      ...(values.region !== undefined ? { region: values.region as string } : {}),
      ...(values.soffice !== undefined ? { soffice: values.soffice as string } : {}),
    });
  }
  if (parsed.positionals.length === 0) throw new UsageError(command === "batch" ? "请给出批量清单（.yaml）或放数据文件的文件夹" : "请给出至少一个数据文件（.yaml）");
  if (command === "batch") {
    if (parsed.positionals.length !== 1) throw new UsageError("batch 只接受一个清单文件或文件夹");
    const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
    if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError(`--jobs 要写正整数，这里写的是 ${values.jobs}`);
    return batchCommand(parsed.positionals[0]!, options, { force: values.force === true, ...(jobs ? { jobs } : {}) });
  }
  const { files, unmatched } = await expandPatterns(parsed.positionals);
  for (const pattern of unmatched) process.stderr.write(`${pattern}: 错误：没有与它匹配的文件\n    提示：* 代表任意几个字符，? 代表一个字符；路径相对于运行命令的文件夹\n`);
  if (files.length === 0) return EXIT.badData;
  const code = await run(command, files, options, values);
  return unmatched.length ? EXIT.badData : code;
}

function run(command: string, files: string[], options: CommandOptions, values: Record<string, unknown>): Promise<number> {
  switch (command) {
    case "check":
      return checkCommand(files, options);
    case "html":
      return htmlCommand(files, options);
    case "attachments": {
      const only = values.only === undefined ? undefined : Number(values.only);
      if (only !== undefined && !(Number.isInteger(only) && only >= 1)) throw new UsageError(`--only 要写附件的序号（1、2……），这里写的是 ${values.only as string}`);
      return attachmentsCommand(files, options, only);
    }
    default:
      return buildCommand(files, options, command === "pdf" || values.pdf === true, values.soffice as string | undefined);
  }
}

function unknownCommand(command: string): string {
  const guess = closest(command, Object.keys(COMMANDS));
  return `不认识的命令：${command}${guess ? `，是否想写 ${guess}？` : ""}`;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      const command = process.argv[2];
      const topic = command === "help" ? process.argv[3] : command;
      process.stderr.write(`用法错误：${e.message}\n\n${HELP[topic && Object.hasOwn(COMMANDS, topic) ? topic : "main"]}\n`);
      process.exitCode = EXIT.usage;
    } else {
      process.stderr.write(`tongbao 内部错误（请报告）：${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 70;
    }
  },
);

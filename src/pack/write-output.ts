import { lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { TongbaoError } from "../diagnostics/index.js";

export type WriteResult = "written" | "unchanged";

/** What the system's refusal means for the clerk, and what to do. */
const REFUSALS: ReadonlyMap<string, [message: string, hint: string]> = new Map([
  ["EACCES", ["没有写入权限", "换一个输出目录（-o），或请管理员开放这个文件夹的写入权限"]],
  ["EPERM", ["没有写入权限", "换一个输出目录（-o），或请管理员开放这个文件夹的写入权限"]],
  ["EROFS", ["所在的磁盘是只读的", "换一个输出目录（-o）"]],
  ["EISDIR", ["是一个文件夹", "删去或改名这个文件夹，或换一个输出文件名"]],
  ["ENOTDIR", ["路径中的某一级是文件，不是文件夹", "检查输出目录（-o）：它应当是文件夹"]],
  ["EEXIST", ["路径中的某一级是文件，不是文件夹", "检查输出目录（-o）：它应当是文件夹"]],
  ["ENAMETOOLONG", ["文件名太长", "缩短输出文件名（批量清单里的 output）"]],
  ["ENOSPC", ["磁盘已满", "清理磁盘后再运行"]],
  ["EDQUOT", ["磁盘配额已用完", "清理磁盘后再运行"]],
  ["EBUSY", ["正被其他程序使用", "在 WPS 或 Word 里关闭这个文件后再运行"]],
  ["EMFILE", ["同时打开的文件太多", "减少批量的并行数（--jobs）后再运行"]],
]);

/** A file that could not be written, reported at its path like any other problem. */
export function outputError(file: string, message: string, hint: string): TongbaoError {
  return new TongbaoError([{ severity: "error", code: "output", file, line: 0, col: 0, message: `输出文件${message}`, hint }]);
}

const refusal = (file: string, e: unknown): TongbaoError => {
  const code = (e as NodeJS.ErrnoException).code ?? "";
  const [message, hint] = REFUSALS.get(code) ?? [`无法写入（${code || (e as Error).message}）`, "检查输出目录，或换一个输出目录（-o）"];
  return outputError(file, message, hint);
};

const inside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
};

/** What a file system call gives, or undefined when it throws (a path that is not there, or not to be looked at). */
function attempt<T>(call: () => T): T | undefined {
  try {
    return call();
  } catch {
    return undefined;
  }
}

/** The nearest folder on the way to `path` that exists, symlinks resolved. */
function existingAncestor(path: string): string {
  for (let dir = path; ; dir = dirname(dir)) {
    const real = attempt(() => realpathSync.native(dir));
    if (real !== undefined || dirname(dir) === dir) return real ?? dir;
  }
}

/** Temporary files carry the writing process's id, so a later run can tell a dead run's leftovers from a live one's. */
const TEMP = /^\.(.+)\.tongbao-(\d+)-[0-9a-f]+\.tmp$/;
// The random part needs to differ between writers, not to be secret: Math.random spares loading node:crypto, a
// noticeable part of a cold start.
const tempName = (file: string) => join(dirname(file), `.${basename(file)}.tongbao-${process.pid}-${Math.floor(Math.random() * 2 ** 32).toString(16)}.tmp`);

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

const cleaned = new Set<string>();
/** Removes what killed runs left in a folder (once per folder and process): a kill must not leave files forever. */
async function removeStaleTemps(dir: string): Promise<void> {
  if (cleaned.has(dir)) return;
  cleaned.add(dir);
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names.map((name) => {
      const pid = TEMP.exec(name)?.[2];
      return pid !== undefined && Number(pid) !== process.pid && !alive(Number(pid)) ? rm(join(dir, name), { force: true }).catch(() => undefined) : undefined;
    }),
  );
}

/**
 * Writes `bytes` to `file` through a temporary file renamed into place, so a failed or interrupted build never
 * leaves a partial file nor touches the previous good one. An identical file is left alone; a read-only one is
 * respected, not replaced. With `within`, the file must lie inside that folder once symlinks are resolved. Every
 * refusal is a TongbaoError at the output path, in the clerk's words.
 *
 * With the file system's synchronous calls, as source/read-file.ts reads: each asynchronous step is a trip to Node's
 * thread pool that costs the main thread more than the step itself.
 */
export async function writeOutput(file: string, bytes: Uint8Array, options: { within?: string } = {}): Promise<WriteResult> {
  const dir = dirname(resolve(file));
  if (options.within !== undefined) {
    const root = existingAncestor(resolve(options.within));
    if (!inside(root, existingAncestor(dir))) {
      throw outputError(file, `在输出目录 ${options.within} 之外（经由符号链接）`, "输出目录里的符号链接不能通向别处：删去这个链接，或直接把输出目录设为目标文件夹");
    }
  }
  // Not there, or not to be looked at: writing it says which, in the clerk's words.
  const existing = attempt(() => lstatSync(file));
  if (existing?.isDirectory()) throw outputError(file, "是一个文件夹", "删去或改名这个文件夹，或换一个输出文件名");
  if (existing && !existing.isFile() && !existing.isSymbolicLink()) throw outputError(file, "不是普通文件", "换一个输出文件名");
  if (existing?.isFile()) {
    const old = attempt(() => readFileSync(file));
    if (old && Buffer.compare(old, bytes) === 0) return "unchanged";
    // The file's own read-only mark (chmod 444, Windows' 只读 attribute), which an administrator's run would ignore.
    if ((existing.mode & 0o222) === 0) {
      throw outputError(file, "是只读的，没有覆盖", "确需重新生成，先取消这个文件的只读属性，或换一个输出目录（-o）");
    }
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw refusal(file, e);
  }
  await removeStaleTemps(dir);
  const temp = tempName(file);
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, file);
  } catch (e) {
    // The refusal below is what the clerk needs to know; a temporary file left is removed by a later run.
    attempt(() => rmSync(temp, { force: true }));
    throw refusal(file, e);
  }
  return "written";
}

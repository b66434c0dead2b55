import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from "node:fs";
import { realpath } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Code } from "../diagnostics/index.js";

/** Why a file could not be read, in the clerk's words. */
export interface ReadFailure {
  code: Extract<Code, "read" | "outside-folder" | "limit">;
  message: string;
  hint?: string;
}

export interface ReadOptions {
  /** Largest size accepted, in bytes: a data file or an image, never a device that streams forever. */
  maxBytes: number;
  /**
   * The folders the file must lie in (one of them) once symlinks are resolved. Files a data file names (extends,
   * seal, spreadsheets) are confined to the folder the user works in and those the user allowed, so that data
   * received from elsewhere cannot pull the clerk's other files into a document.
   */
  confine?: readonly string[];
  /** What the file is, for messages: 数据文件, 印章图片… */
  what: string;
}

const ERRNO_WORDS: Record<string, string> = {
  ENOENT: "不存在",
  EACCES: "没有读取权限",
  EPERM: "没有读取权限",
  EISDIR: "是一个文件夹，不是文件",
  ENOTDIR: "路径中的某一级不是文件夹",
  ENAMETOOLONG: "文件名太长",
  ELOOP: "符号链接形成了循环",
  EMFILE: "同时打开的文件太多",
};

export const errnoWords = (e: unknown): string => {
  const code = (e as NodeJS.ErrnoException).code ?? "";
  return ERRNO_WORDS[code] ?? `无法读取（${code || (e as Error).message}）`;
};

const KIB = 1024;
export const formatBytes = (n: number): string => (n >= KIB * KIB ? `${(n / KIB / KIB).toFixed(1)} MB` : `${Math.ceil(n / KIB)} KB`);

const inside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
};

/** Whether `path`, symlinks resolved, lies inside `root` (itself resolved). */
export async function isInside(root: string, path: string): Promise<boolean> {
  const [realRoot, real] = await Promise.all([realpath(root), realpath(path)]);
  return inside(realRoot, real);
}

/**
 * The bytes of a regular file, checked before it is opened: it exists, is a file (not a folder, FIFO or device,
 * which would block or stream without end), lies inside the confining folder, and is no larger than allowed.
 *
 * With the file system's synchronous calls: a data file is small and read once, and each of the eight steps done
 * asynchronously is a trip to Node's thread pool that costs the main thread more than the step itself (in a batch of
 * city circulars, a seventh of the time). A promise still, as reading may one day be otherwise.
 */
export async function readInputFile(path: string, options: ReadOptions): Promise<Uint8Array | ReadFailure> {
  let real: string;
  try {
    real = realpathSync.native(path);
  } catch (e) {
    return { code: "read", message: `${options.what} ${path} ${errnoWords(e)}` };
  }
  if (options.confine !== undefined) {
    const roots = options.confine.map((folder) => {
      try {
        return realpathSync.native(folder);
      } catch {
        return resolve(folder);
      }
    });
    if (!roots.some((root) => inside(root, real))) {
      return {
        code: "outside-folder",
        message: `${options.what} ${path} 在工作文件夹 ${roots.join("、")} 之外，不能读取`,
        hint: "数据文件引用的文件须在工作文件夹（运行命令的文件夹，或批量清单所在的文件夹）里；确需读取，请加 --allow-dir <文件夹>",
      };
    }
  }
  let info;
  try {
    info = statSync(real);
  } catch (e) {
    return { code: "read", message: `${options.what} ${path} ${errnoWords(e)}` };
  }
  if (!info.isFile()) {
    const what = info.isDirectory() ? "是一个文件夹" : info.isFIFO() ? "是一个管道" : info.isSocket() ? "是一个套接字" : "是一个设备";
    return { code: "read", message: `${options.what} ${path} ${what}，不是普通文件` };
  }
  if (info.size > options.maxBytes) {
    return { code: "limit", message: `${options.what} ${path} 有 ${formatBytes(info.size)}，超过上限 ${formatBytes(options.maxBytes)}`, hint: "检查是否选错了文件" };
  }
  // Read at most one byte more than allowed: a file that grew since stat is caught, not read without end.
  let fd: number | undefined;
  try {
    // Non-blocking, and checked again on the open file: a file swapped for a FIFO since stat neither blocks nor
    // is read.
    fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const opened = fstatSync(fd);
    if (!opened.isFile() || opened.ino !== info.ino || opened.dev !== info.dev) return { code: "read", message: `${options.what} ${path} 在读取时被替换了`, hint: "再运行一次" };
    const buffer = Buffer.alloc(Math.min(options.maxBytes + 1, info.size + 1));
    let length = 0;
    for (;;) {
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    if (length > options.maxBytes) return { code: "limit", message: `${options.what} ${path} 超过上限 ${formatBytes(options.maxBytes)}` };
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } catch (e) {
    return { code: "read", message: `${options.what} ${path} ${errnoWords(e)}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export const isFailure = (r: Uint8Array | ReadFailure): r is ReadFailure => !(r instanceof Uint8Array);

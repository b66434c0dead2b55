import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build, TongbaoError } from "../src/index.js";
import { ROOT } from "./helpers/cli.js";
import { encodeGb18030, encodeUtf16 } from "./helpers/encode.js";

/** Chaozhou's data, all Chinese text and no character outside GBK: saved in each encoding a clerk's editor offers. */
const yaml = readFileSync(join(ROOT, "data/chaozhou-2020-q3.yaml"), "utf8").replace(/\n/g, "\r\n");

async function buildBytes(bytes: Uint8Array) {
  const dir = mkdtempSync(join(tmpdir(), "tongbao-enc-"));
  writeFileSync(join(dir, "data.yaml"), bytes);
  return build(join(dir, "data.yaml"), { root: dir });
}

describe("data files in the encodings Chinese Windows saves", () => {
  const reference = buildBytes(new TextEncoder().encode(yaml));

  it.each([
    ["UTF-8 with a byte order mark", new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(yaml)]), undefined],
    ["GBK/GB18030 (Notepad, WPS)", encodeGb18030(yaml), "文件是 GBK/GB18030 编码，已按此编码读取"],
    ["UTF-16LE with a byte order mark (Windows' “Unicode”)", encodeUtf16(yaml, "le", true), "文件是 UTF-16LE 编码，已按此编码读取"],
    ["UTF-16BE with a byte order mark", encodeUtf16(yaml, "be", true), "文件是 UTF-16BE 编码，已按此编码读取"],
    ["UTF-16LE without a byte order mark", encodeUtf16(yaml, "le", false), "文件是 UTF-16LE 编码，已按此编码读取"],
  ])("%s: the same circular, with a warning naming the encoding", async (_, bytes, warning) => {
    const built = await buildBytes(bytes);
    expect(Buffer.from(built.docx).equals(Buffer.from((await reference).docx))).toBe(true);
    expect(built.warnings.filter((w) => w.code === "encoding").map((w) => w.message)).toEqual(warning ? [warning] : []);
  });

  it.each([
    ["a GBK file cut in the middle of a character", encodeGb18030("issuer: 某市").slice(0, -1), /文件既不是 UTF-8，也不是 GBK\/GB18030 或 UTF-16 编码/],
    ["a UTF-16 file with a broken surrogate", new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]), /文件开头标明是 UTF-16，但内容不是有效的 UTF-16/],
    ["an image", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 400 }, (_, i) => (i * 37) % 256)]), /文件不是文字文件|无法读取/],
  ])("%s is refused with how to save as UTF-8, never read as mojibake", async (_, bytes, message) => {
    const error = (await buildBytes(bytes).catch((e: unknown) => e)) as TongbaoError;
    expect(error).toBeInstanceOf(TongbaoError);
    const [first] = error.diagnostics;
    expect(first!.message).toMatch(message);
    expect(`${first!.message}${first!.hint}`).not.toContain("\ufffd");
    expect(error.diagnostics).toHaveLength(1);
  });
});

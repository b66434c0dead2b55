import { crc32 } from "node:zlib";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { writeZip, type Piece } from "../src/pack/zip.js";

const encoder = new TextEncoder();

/** A long part as the docx writer gives it: text pieces, and pieces writing text and bytes into the sink. */
function* pieces(rows: number, tag = ""): Generator<Piece> {
  yield "<table>";
  for (let r = 0; r < rows; r++) {
    if (r % 3 === 0) yield `<row n="${r}">广州第${r}区政府网站 &amp; 政务新媒体${tag}</row>`;
    else {
      const bytes = encoder.encode(`<row n="${r}">`);
      yield (sink) => {
        sink.bytes(bytes);
        sink.text(`揭阳市第${r}局 ${"x".repeat(r % 50)}`);
        sink.bytes(encoder.encode("</row>"));
      };
    }
  }
  yield `<tail>${"尾".repeat(700_000)}</tail>`;
  yield "</table>";
}

/** The same content as one string. */
function joined(rows: number, tag = ""): string {
  let out = "";
  for (const piece of pieces(rows, tag)) {
    if (typeof piece === "string") out += piece;
    else piece({ text: (s) => (out += s), bytes: (b) => (out += new TextDecoder().decode(b)) });
  }
  return out;
}

/** The CRC-32 each local file header of a zip records (signature PK\3\4, CRC at +14). */
function headerCrcs(zip: Buffer): number[] {
  const crcs: number[] = [];
  for (let at = zip.indexOf("PK\x03\x04"); at >= 0; at = zip.indexOf("PK\x03\x04", at + 4)) crcs.push(zip.readUInt32LE(at + 14));
  return crcs;
}

describe("a long part written in blocks", () => {
  it("unzips to its pieces joined, with their CRC, across many blocks and a piece longer than one", async () => {
    const rows = 60_000;
    const zip = Buffer.from(await writeZip([["a.xml", pieces(rows)], ["b.txt", "短"]], "2024-09-30"));
    const expected = joined(rows);
    expect(Buffer.byteLength(expected)).toBeGreaterThan(4 * (1 << 19));
    const files = unzipSync(new Uint8Array(zip));
    expect(strFromU8(files["a.xml"]!)).toBe(expected);
    expect(strFromU8(files["b.txt"]!)).toBe("短");
    expect(headerCrcs(zip)).toEqual([crc32(expected), crc32("短")]);
  });

  it("encodes short texts as Buffer does: ASCII, CJK, pairs of surrogates, a lone surrogate as U+FFFD", async () => {
    const units = ["a", "<", "é", "甲", "\u0800", "\uffff", "\ud83d\ude00", "\ud800", "\udc00", "\u007f", "\u0080", "\u07ff"];
    let seed = 5;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const texts = Array.from({ length: 20_000 }, () => Array.from({ length: Math.floor(random() * 70) }, () => units[Math.floor(random() * units.length)]).join(""));
    const zip = await writeZip([["t.txt", texts.map((t): Piece => (sink) => sink.text(t))]], "2024-09-30");
    expect(Buffer.from(unzipSync(zip)["t.txt"]!).equals(Buffer.concat(texts.map((t) => Buffer.from(t, "utf8"))))).toBe(true);
  });

  it("unzips to its own pieces when several are written at once, their blocks reused from one to the next", async () => {
    const tags = ["甲", "乙", "丙"];
    const write = () => Promise.all(tags.map((tag, i) => writeZip([["a.xml", pieces(20_000 + 7_000 * i, tag)]], "2024-09-30")));
    for (const zips of [await write(), await write()]) {
      zips.forEach((zip, i) => expect(strFromU8(unzipSync(zip)["a.xml"]!)).toBe(joined(20_000 + 7_000 * i, tags[i])));
    }
  });

  it("gives the same bytes each time", async () => {
    const [a, b] = [await writeZip([["a.xml", pieces(20_000)]], "2024-09-30"), await writeZip([["a.xml", pieces(20_000)]], "2024-09-30")];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

import { promisify } from "node:util";
import { constants, crc32, deflateRaw, deflateRawSync } from "node:zlib";

/** Where a piece of a long part writes itself: text (as UTF-8) and bytes. */
export interface ByteSink {
  text(s: string): void;
  bytes(b: Uint8Array): void;
}

/** A piece of a long part: text, or a function writing itself into the sink. */
export type Piece = string | ((sink: ByteSink) => void);

/**
 * A zip entry: its name and its bytes (text is written as UTF-8). A long part may come as pieces, made as they are
 * needed: it is never held whole, neither as one string nor as one buffer.
 */
export type Entry = readonly [name: string, content: string | Uint8Array | Iterable<Piece>];

/**
 * The MS-DOS date and time fields of the zip headers for a calendar date at midnight, computed from the date's
 * digits: no time zone enters, so the bytes are the same everywhere (a local midnight that does not exist, as in
 * Santiago on 2019-09-08, would otherwise move it). DOS dates run from 1980 to 2107; the data's dates are within.
 */
export function dosDateTime(isoDate: string): { date: number; time: number } {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const year = Math.min(2107, Math.max(1980, y));
  return { date: ((year - 1980) << 9) | (m << 5) | d, time: 0 };
}

const deflate = promisify(deflateRaw) as (data: Uint8Array, options: { level: number; finishFlush: number; dictionary?: Uint8Array }) => Promise<Buffer>;
const LEVEL = 6;
/** DEFLATE's window: each block is compressed knowing the text before it, as one stream would be. */
const WINDOW = 32 * 1024;

/**
 * Text is written into blocks of this many bytes, each compressed on its own in Node's thread pool while the next is
 * being written: a long attachment's XML is compressed on the other core as it is made, and is never whole.
 */
const BLOCK = 1 << 19;

/** Texts up to this long are encoded by Blocks itself. */
const SHORT = 64;

/** Blocks compressing at once: enough to keep the thread pool busy, few enough to bound the memory held. */
const IN_FLIGHT = 4;

/**
 * Blocks whose compression has ended, kept for the next long part: the pages of a freshly allocated block are
 * each faulted in by the kernel as they are first written (2 µs a page, 128 pages a block), a kept one's are not.
 * Enough for the blocks a part has in flight and the one being filled.
 */
const spare: Buffer[] = [];
const SPARE = IN_FLIGHT + 2;

/** Keeps a block whose bytes nothing will read again, if it is of the usual size and spares are wanted. */
function giveBack(bytes: Uint8Array): void {
  if (bytes.byteOffset === 0 && bytes.buffer.byteLength === BLOCK && spare.length < SPARE) spare.push(Buffer.from(bytes.buffer));
}

/**
 * The blocks a long part is written into. A block ends before a write that might not fit, so blocks are cut where
 * the writes are, and the same pieces give the same blocks.
 */
class Blocks implements ByteSink {
  private block: Buffer = Buffer.alloc(0);
  private at = 0;
  /** Blocks filled and not yet taken. */
  full: Uint8Array[] = [];

  private room(bytes: number): void {
    if (this.at + bytes <= this.block.length) return;
    if (this.at > 0) this.full.push(this.block.subarray(0, this.at));
    this.block = bytes <= BLOCK ? (spare.pop() ?? Buffer.allocUnsafe(BLOCK)) : Buffer.allocUnsafe(bytes);
    this.at = 0;
  }

  text(s: string): void {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8.
    this.room(3 * s.length);
    if (s.length > SHORT) {
      this.at += this.block.write(s, this.at, "utf8");
      return;
    }
    // A short text (a table cell's) is encoded here: a call into Buffer's encoder costs more than the encoding.
    // As Buffer does: a lone surrogate becomes U+FFFD.
    const b = this.block;
    let at = this.at;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) b[at++] = c;
      else if (c < 0x800) {
        b[at++] = 0xc0 | (c >> 6);
        b[at++] = 0x80 | (c & 63);
      } else if (c < 0xd800 || c > 0xdfff) {
        b[at++] = 0xe0 | (c >> 12);
        b[at++] = 0x80 | ((c >> 6) & 63);
        b[at++] = 0x80 | (c & 63);
      } else {
        const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          const p = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          b[at++] = 0xf0 | (p >> 18);
          b[at++] = 0x80 | ((p >> 12) & 63);
          b[at++] = 0x80 | ((p >> 6) & 63);
          b[at++] = 0x80 | (p & 63);
          i++;
        } else {
          b[at++] = 0xef;
          b[at++] = 0xbf;
          b[at++] = 0xbd;
        }
      }
    }
    this.at = at;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.block.set(b, this.at);
    this.at += b.length;
  }

  last(): Uint8Array {
    return this.block.subarray(0, this.at);
  }
}

/** Content given whole (bytes, or one string), not as pieces written into blocks. */
const isWhole = (content: string | Uint8Array | Iterable<Piece>): content is string | Uint8Array => content instanceof Uint8Array || typeof content === "string";

/**
 * Content as blocks of bytes: bytes or one string make one block; pieces are each written straight into their
 * block, since joining them into one string first would copy them all once more.
 */
function* byteBlocks(content: string | Uint8Array | Iterable<Piece>): Generator<Uint8Array> {
  if (isWhole(content)) {
    yield typeof content === "string" ? Buffer.from(content, "utf8") : content;
    return;
  }
  const blocks = new Blocks();
  for (const piece of content) {
    if (typeof piece === "string") blocks.text(piece);
    else piece(blocks);
    if (blocks.full.length > 0) {
      yield* blocks.full;
      // Emptied rather than replaced: a new empty array is of another kind, and the writing code would recompile.
      blocks.full.length = 0;
    }
  }
  yield blocks.last();
}

interface Compressed {
  chunks: Buffer[];
  size: number;
  crc: number;
}

/**
 * One entry's bytes deflated. A part of one block is compressed at once on this thread (a thread-pool trip costs
 * more than a small part). Of several, each is a DEFLATE stream ended by a sync flush (byte-aligned, not final),
 * the last ended as final, each primed with the window of text before it: together they are one valid stream that
 * compresses as well as one pass, as parallel gzip writes it. The blocks are cut where the text is, so the same
 * content gives the same bytes.
 */
async function compress(content: string | Uint8Array | Iterable<Piece>): Promise<Compressed> {
  const pending: Promise<Buffer>[] = [];
  const chunks: Buffer[] = [];
  let size = 0;
  let crc = 0;
  let previous: Uint8Array | undefined;
  let window: Uint8Array | undefined;
  const send = (bytes: Uint8Array, last: boolean) => {
    pending.push(deflate(bytes, { level: LEVEL, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH, ...(window ? { dictionary: window } : {}) }));
    window = bytes.subarray(Math.max(0, bytes.length - WINDOW));
  };
  // A block written from pieces goes back to the spares once its deflate has ended (the next block's has started by
  // then, and zlib copied its window when it did), and is no longer held here: a long part's blocks are not all
  // kept to its end.
  const ours = !isWhole(content);
  const sent: (Uint8Array | undefined)[] = [];
  const done = async (k: number) => {
    chunks.push(await pending[k]!);
    if (ours) giveBack(sent[k]!);
    sent[k] = undefined;
  };
  for (const block of byteBlocks(content)) {
    if (previous) send(previous, false);
    if (pending.length - chunks.length >= IN_FLIGHT) await done(chunks.length);
    previous = block;
    sent.push(block);
    size += previous.length;
    crc = crc32(previous, crc);
  }
  if (!pending.length) {
    chunks.push(deflateRawSync(previous!, { level: LEVEL }));
    if (ours) giveBack(previous!);
    return { chunks, size, crc };
  }
  send(previous!, true);
  while (chunks.length < pending.length) await done(chunks.length);
  return { chunks, size, crc };
}

/**
 * A zip file (PKZIP 2.0, DEFLATE) with every entry stamped with one date, entries in the order given: the same
 * files give the same bytes. Node's native DEFLATE, in its thread pool, is several times faster than a JavaScript
 * one on the megabytes of XML a long attachment table makes.
 */
export async function writeZip(entries: readonly Entry[], isoDate: string): Promise<Uint8Array> {
  const { date, time } = dosDateTime(isoDate);
  const compressed = await Promise.all(entries.map(([, content]) => compress(content)));
  const parts: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  entries.forEach(([name], i) => {
    const { chunks, size, crc } = compressed[i]!;
    const length = chunks.reduce((n, c) => n + c.length, 0);
    const nameBytes = Buffer.from(name, "utf8");
    // The fields both headers carry, in the same order: version needed 2.0, UTF-8 names, DEFLATE, time, date,
    // CRC-32, sizes, name length.
    const fields = (header: Buffer, at: number) => {
      [20, 0x0800, 8, time, date].forEach((v, k) => header.writeUInt16LE(v, at + 2 * k));
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(length, at + 14);
      header.writeUInt32LE(size, at + 18);
      header.writeUInt16LE(nameBytes.length, at + 22);
      return header;
    };
    const local = fields(Buffer.alloc(30), 4);
    local.writeUInt32LE(0x04034b50, 0);
    const header = fields(Buffer.alloc(46), 6);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); // made by: 2.0
    header.writeUInt32LE(offset, 42);
    central.push(header, nameBytes);
    parts.push(local, nameBytes, ...chunks);
    offset += local.length + nameBytes.length + length;
  });
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

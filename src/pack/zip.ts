import { crc32, deflateRawSync } from "node:zlib";

/** A zip entry: its name and its bytes (text is written as UTF-8). */
export type Entry = readonly [name: string, content: string | Uint8Array];

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

/**
 * A zip file (PKZIP 2.0, DEFLATE) with every entry stamped with one date, entries in the order given: the same
 * files give the same bytes. Node's native DEFLATE is several times faster than a JavaScript one on the megabytes
 * of XML a long attachment table makes.
 */
export function writeZip(entries: readonly Entry[], isoDate: string): Uint8Array {
  const { date, time } = dosDateTime(isoDate);
  const parts: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const nameBytes = Buffer.from(name, "utf8");
    const compressed = deflateRawSync(data, { level: 6 });
    // The fields both headers carry, in the same order: version needed 2.0, UTF-8 names, DEFLATE, time, date,
    // CRC-32, sizes, name length.
    const fields = (header: Buffer, at: number) => {
      [20, 0x0800, 8, time, date].forEach((v, k) => header.writeUInt16LE(v, at + 2 * k));
      header.writeUInt32LE(crc32(data), at + 10);
      header.writeUInt32LE(compressed.length, at + 14);
      header.writeUInt32LE(data.length, at + 18);
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
    parts.push(local, nameBytes, compressed);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

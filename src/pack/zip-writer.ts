import { crc32, deflateRawSync } from "node:zlib";

/**
 * A zip file (PKZIP 2.0, DEFLATE) with every entry stamped with one fixed local time, entries in the order given:
 * the same files give the same bytes. Node's native DEFLATE is several times faster than a JavaScript one on the
 * megabytes of XML a long attachment table makes (measured on 6 MB: 19 ms against fflate's 82 ms).
 */
export function writeZip(entries: readonly [name: string, data: Uint8Array][], time: Date): Uint8Array {
  const dosTime = (time.getHours() << 11) | (time.getMinutes() << 5) | (time.getSeconds() >> 1);
  const dosDate = ((time.getFullYear() - 1980) << 9) | ((time.getMonth() + 1) << 5) | time.getDate();
  const parts: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const compressed = deflateRawSync(data, { level: 6 });
    // The fields both headers carry, in the same order: version needed 2.0, UTF-8 names, DEFLATE, time, date,
    // CRC-32, sizes, name length.
    const fields = (header: Buffer, at: number) => {
      [20, 0x0800, 8, dosTime, dosDate].forEach((v, k) => header.writeUInt16LE(v, at + 2 * k));
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

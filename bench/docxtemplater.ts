import { readFileSync } from "node:fs";
import Docxtemplater from "docxtemplater";
import PizZip from "pizzip";

/** docxtemplater's whole job, from its files: the template filled with the JSON data, zipped at level 6 as tongbao's. */
export function renderDocxtemplater(template: string, data: string): Uint8Array {
  const doc = new Docxtemplater(new PizZip(readFileSync(template)), { paragraphLoop: true, linebreaks: true });
  doc.render(JSON.parse(readFileSync(data, "utf8")));
  return doc.getZip().generate({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

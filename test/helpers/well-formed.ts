import { SaxesParser } from "saxes";
import { unzipSync } from "fflate";

/**
 * What keeps a .docx from opening: every part that is not UTF-8 or not well-formed XML 1.0 (characters XML does not
 * allow, unbalanced tags, stray "]]>"), by part name. A strict parser decides; an empty list means every part parses.
 */
export function malformedParts(docx: Uint8Array): string[] {
  const problems: string[] = [];
  for (const [name, bytes] of Object.entries(unzipSync(docx))) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      problems.push(`${name}: not UTF-8`);
      continue;
    }
    const parser = new SaxesParser({ xmlns: true });
    let error: Error | undefined;
    parser.on("error", (e) => {
      error ??= e;
    });
    parser.write(text).close();
    if (error) problems.push(`${name}: ${error.message}`);
  }
  return problems;
}

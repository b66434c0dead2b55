import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { withEditorMessages } from "../src/input/editor-messages.js";
import { SCHEMA_FILES } from "../src/input/schema.js";
import { ROOT } from "./helpers/cli.js";
import { LanguageClient } from "./helpers/lsp.js";

interface Diagnostic {
  range: { start: { line: number; character: number } };
  message: string;
}

const SCHEMA = join(ROOT, "schemas/circular.schema.json");

/** A data file with the usual mistakes, each on its own line (0-based line numbers in the comments). */
const BROKEN = [
  `# yaml-language-server: $schema=${pathToFileURL(SCHEMA).href}`, // 0
  "issuer: 某市人民政府办公室", // 1
  "period: { year: 2024, quarter: 5 }", // 2
  "title: { subject: 政府网站检查情况 }", // 3
  "recipient: [各区人民政府]", // 4
  "signature: 某市人民政府办公室", // 5
  "date: 2024/10/15", // 6
  "lists:", // 7
  "  problems: { kind: website, rows: [], form: x.xlsx }", // 8
  "body: [正文。]", // 9
  "deadline: '   '", // 10
].join("\n");

describe("the editor (yaml-language-server) speaks Chinese", () => {
  it("the schemas carry the messages derived from their titles and hints (npm run schemas)", () => {
    for (const file of SCHEMA_FILES) {
      const schema = JSON.parse(readFileSync(file, "utf8")) as unknown;
      expect(withEditorMessages(schema), `${file}：运行 npm run schemas`).toEqual(schema);
    }
  });

  it("diagnostics over a broken file are Chinese, at the right lines, whatever the editor's language", async () => {
    const server = new LanguageClient(process.execPath, [join(ROOT, "node_modules/yaml-language-server/bin/yaml-language-server"), "--stdio"]);
    try {
      await server.request("initialize", { processId: process.pid, rootUri: pathToFileURL(ROOT).href, capabilities: {}, locale: "en" });
      server.notify("initialized", {});
      server.notify("workspace/didChangeConfiguration", { settings: { yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false } } } });
      const uri = pathToFileURL(join(ROOT, "broken.yaml")).href;
      const published = server.next<{ uri: string; diagnostics: Diagnostic[] }>("textDocument/publishDiagnostics", (p) => p.uri === uri && p.diagnostics.length > 0);
      server.notify("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: 1, text: BROKEN } });
      const { diagnostics } = await published;
      const at = (line: number) => diagnostics.filter((d) => d.range.start.line === line).map((d) => d.message);
      for (const d of diagnostics) expect(d.message).toMatch(/[\u4e00-\u9fff]/);
      expect(diagnostics.map((d) => d.message).join("\n")).not.toMatch(/Missing property|Incorrect type|is not allowed|does not match|\^\(/);
      expect(at(2)).toContain("季度：季度写 1 到 4 的数字");
      expect(at(4).join()).toMatch(/可写的字段有 .*recipients/);
      expect(at(6)).toContain("成文日期：日期写成 2019-03-20（年-月-日，1980 至 2099 年）");
      expect(at(8).join()).toMatch(/清单：可写的字段有 kind、label、rows、from/);
      expect(at(10)).toContain("整改期限：日期写成 2019-03-20（年-月-日，1980 至 2099 年）");
      // Hover shows how to write the value.
      const hover = (await server.request("textDocument/hover", { textDocument: { uri }, position: { line: 2, character: 23 } })) as { contents: { value: string } } | null;
      expect(hover?.contents.value).toContain("写法：季度写 1 到 4 的数字");
    } finally {
      server.close();
    }
  });
});

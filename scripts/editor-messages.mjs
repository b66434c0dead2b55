#!/usr/bin/env node
// npm run schemas: writes the editor's Chinese messages (errorMessage, patternErrorMessage, markdownDescription)
// into the schema files, derived from each node's title, description and hint (src/input/editor-messages.ts).
// test/editor.test.ts fails when a schema was edited and this was not run.
import { readFileSync, writeFileSync } from "node:fs";
import { withEditorMessages } from "../dist/input/editor-messages.js";
import { SCHEMA_FILES } from "../dist/input/schema.js";

for (const file of SCHEMA_FILES) {
  const text = `${JSON.stringify(withEditorMessages(JSON.parse(readFileSync(file, "utf8"))), null, 2)}\n`;
  writeFileSync(file, text);
  console.log(`已更新 ${file}`);
}

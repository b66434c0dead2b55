/** tongbao: inspection data (YAML) → a 通报 laid out to GB/T 9704-2012, as .docx. */
export { build, buildAttachments, buildHtml, compile, docxOf, type BuildOptions, type Built, type BuiltAttachment, type Compiled } from "./pipeline.js";
export { CODES, Diagnostics, TongbaoError, formatDiagnostic, type Code, type Diagnostic, type Position } from "./diagnostics/index.js";
export type { CircularData } from "./input/index.js";
export type * from "./model/circular.js";

// The stages, for callers that need one of them alone.
export { loadFile, loadObject, loadText, type Loaded } from "./source/index.js";
export { checkLists, checkSchema, resolveKinds, templateTexts } from "./input/index.js";
export { deriveFigures, templateContext, parseFormula, evaluate, type Figures } from "./figures/index.js";
export { checkCircular, checkDataTexts, applyAcknowledgements } from "./checks/index.js";
export { buildModel, engineFor, TemplateSet } from "./render/index.js";
export { HELPERS } from "./text/index.js";
export { DEFAULT_PROFILE, cellParagraphs, planAttachment, planCircular, resolveProfile, type Plan, type Profile, type ProfileOverrides } from "./plan/index.js";
export { colSpanOf, rowSpanOf, textOf } from "./model/table-cells.js";
export { writeDocx } from "./writers/docx/write-docx.js";
export { writeHtml } from "./writers/html/write-html.js";
export { writeZip } from "./pack/zip.js";
export { writeOutput } from "./pack/write-output.js";
export { readBatch, type BatchJob } from "./batch/manifest.js";
export { runBatch, type BatchOptions, type BatchResult } from "./batch/run-batch.js";
export { summaryTable } from "./batch/summary.js";

/** tongbao: inspection data (YAML) → a 通报 laid out to GB/T 9704-2012, as .docx. */
export { build, buildAttachments, compile, type BuildOptions, type Built, type BuiltAttachment, type Compiled } from "./pipeline.js";
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
export { layoutAttachment, layoutCircular, type LaidOut } from "./layout/layout-circular.js";
// How sections and points are numbered (一、（一）1.（1）, 一是), for writers of other formats.
export { HEADING_LEVELS, headingText, pointOrdinal } from "./layout/numbering.js";
export { DEFAULT_PROFILE, resolveProfile, type Profile, type ProfileOverrides } from "./layout/profile.js";
export { packDocx } from "./pack/pack-docx.js";
export { writeOutput } from "./pack/write-output.js";
export { readBatch, type BatchJob } from "./batch/manifest.js";
export { runBatch, type BatchOptions, type BatchResult } from "./batch/run-batch.js";
export { summaryTable } from "./batch/summary.js";

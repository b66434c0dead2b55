/** tongbao: quarterly inspection data (YAML) → a 通报 laid out to GB/T 9704-2012, as .docx. */
export { build, buildAttachments, compile, type BuildOptions, type Built, type BuiltAttachment, type Compiled } from "./pipeline.js";
export { TongbaoError, formatDiagnostic, type Diagnostic } from "./diagnostics.js";
export type { CircularData } from "./validate/circular-data.js";
export type * from "./model/circular.js";

// The stages, for callers that need one of them alone.
export { loadFile, loadText, loadData, type LoadedData } from "./load/load-circular.js";
export { checkSchema } from "./validate/check-schema.js";
export { checkRules } from "./validate/rules/check-rules.js";
export { derive, templateContext, type Derived } from "./derive/derive-circular.js";
export { buildModel } from "./render/build-model.js";
export { TemplateSet, DEFAULT_TEMPLATES_DIR } from "./render/template-set.js";
export { layoutAttachment, layoutCircular, type LaidOut } from "./layout/layout-circular.js";
// How sections and points are numbered (一、（一）1.（1）, 一是), for writers of other formats.
export { HEADING_LEVELS, headingText, pointOrdinal } from "./layout/numbering.js";
export { DEFAULT_PROFILE, resolveProfile, type Profile, type ProfileOverrides } from "./layout/profile.js";
export { packDocx } from "./pack/pack-docx.js";
export { writeOutput } from "./pack/write-output.js";
export { readBatch, type BatchJob } from "./batch/manifest.js";
export { runBatch, type BatchOptions, type BatchResult } from "./batch/run-batch.js";
export { summaryTable } from "./batch/summary.js";

/** The checks stage: names in every expression resolved, and the data's figures cross-checked. */
export { applyAcknowledgements } from "./acknowledge.js";
export { checkCircular } from "./check-circular.js";
export { checkDataTexts, type TableRows } from "./expressions/check-data-texts.js";
export { checkTemplate, type CheckEnvironment, type TemplateIssue } from "./expressions/check-template.js";
export { isParseFailure, offsetOf, parseTemplate, type ParseFailure, type Program } from "./expressions/parse-template.js";

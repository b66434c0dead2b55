/** The input stage: the data's shape (schema), the kinds of rows, and every list's rows checked against its kind. */
export type * from "./circular-data.js";
export { DATA_FIELDS } from "./circular-data.js";
export { checkSchema } from "./check-schema.js";
export { builtinKinds, resolveKinds, type Field, type Kind } from "./kinds.js";
export { checkLists } from "./lists.js";
export { templateTexts, type TemplateText } from "./template-texts.js";
export { MAX_NUMBER, MAX_ROWS, checkRows, rowName, type CheckedList } from "./rows.js";
export { BATCH_SCHEMA_FILE, SCHEMA_FILE, SCHEMA_FILES, ajvFor, compiledValidatorFile, schemaValidator } from "./schema.js";
export { describeValue, pointerToPath, quoteHint } from "./schema-errors.js";
export { aboutOtherRegion, withRegion, regionData, regionLocator, regionRowIndices, splitRegions } from "./split.js";

/** Reading what a circular is made of: files (confined, bounded), encodings, YAML with positions, `extends`. */
export { decodeText, encodingWarning, isDecodeFailure, type Decoded } from "./encoding.js";
export { MAX_DATA_BYTES, loadFile, loadObject, loadText, locatorOf, type LoadOptions, type Loaded, type PathSource } from "./load.js";
export { mergeData } from "./merge.js";
export { errnoWords, formatBytes, isFailure, isInside, readInputFile, type ReadFailure, type ReadOptions } from "./read-file.js";
export { MAX_DEPTH } from "./text-walk.js";
export { MAX_SEAL_BYTES, MAX_SEAL_PIXELS, imageInfo, readSeal, sealPath } from "./read-seal.js";
export { DEFAULT_TEMPLATES_DIR, readTemplates, type TemplateFile, type TemplateFiles } from "./templates.js";
export { YamlSource } from "./yaml-source.js";
export { readTables, tableFile, tablePath, type TableSource } from "./read-tables.js";
export { cellPosition, type Cell, type Table, type TableRow } from "./table.js";
export { fastParse } from "./fast-yaml.js";
export { MAX_YAML_VALUES } from "./yaml-source.js";
export { yamlLib } from "./yaml-lib.js";

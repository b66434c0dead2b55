/** Problems in the user's input, each with its place: the shape every stage reports in. */
export { CODES, type Code } from "./codes.js";
export { Diagnostics, type Report } from "./collector.js";
export { TongbaoError, byPosition, diagnosticsOf, formatDiagnostic, hasErrors, throwIfErrors, type Diagnostic } from "./diagnostic.js";
export { formatPath, formatPosition, objectLocator, parsePath, type DataPath, type Locator, type Position } from "./position.js";

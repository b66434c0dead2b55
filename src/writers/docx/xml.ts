/**
 * The one place where text becomes XML. Every string a writer puts in a part goes through `text` or `attr`, so
 * no path writes raw text. Characters XML cannot carry were refused at the input with their place; any that
 * reach here (a template's own text) become U+FFFD rather than an unreadable file.
 */
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const TEXT = /[&<>]/g;
const ATTR = /[&<>"']/g;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

const valid = (s: string): string => (INVALID.test(s) ? s.replace(INVALID, "\ufffd") : s);

/** What text() may have to change: a character to escape, or one INVALID may match (surrogates even when paired). */
const MAY_CHANGE = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/;

// Most texts (every cell of a long table) need nothing: one test says so.
export const text = (s: string): string => (MAY_CHANGE.test(s) ? valid(s).replace(TEXT, (c) => ENTITIES[c]!) : s);
export const attr = (s: string | number): string => (typeof s === "number" ? String(s) : valid(s).replace(ATTR, (c) => ENTITIES[c]!));

export const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The namespaces of WordprocessingML parts, declared once on each root. */
export const NS = {
  w: "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  wp: "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  pic: "http://schemas.openxmlformats.org/drawingml/2006/picture",
} as const;

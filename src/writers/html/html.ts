/** The one place where text becomes HTML: every string the web copy writes goes through `text` or `attr`. */
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export const text = (s: string): string => s.replace(INVALID, "\ufffd").replace(/[&<>]/g, (c) => ENTITIES[c]!);
export const attr = (s: string): string => s.replace(INVALID, "\ufffd").replace(/[&<>"']/g, (c) => ENTITIES[c]!);

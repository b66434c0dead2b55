import type { DataPath } from "../diagnostics/index.js";
import type { BlockData, CircularData } from "./circular-data.js";

/** A text of the data that may hold `{{…}}` expressions, and where it is written. */
export interface TemplateText {
  path: DataPath;
  text: string;
  /** A cell template of attachment `table`: it is written once per row, each row's fields in scope. */
  table?: number;
}

function blocks(body: readonly BlockData[] | undefined, path: DataPath, out: TemplateText[]): void {
  (body ?? []).forEach((block, i) => {
    const at = [...path, i];
    if (typeof block === "string") out.push({ path: at, text: block });
    else if (typeof block !== "object" || block === null) return;
    else if ("points" in block) (Array.isArray(block.points) ? block.points : []).forEach((p, k) => typeof p === "string" && out.push({ path: [...at, "points", k], text: p }));
    else {
      if (typeof block.heading === "string") out.push({ path: [...at, "heading"], text: block.heading });
      if (typeof block.text === "string") out.push({ path: [...at, "text"], text: block.text });
      if (Array.isArray(block.body)) blocks(block.body, [...at, "body"], out);
    }
  });
}

/**
 * Every text of the data that is written through the template engine: the title, the body, the 附件说明, the
 * attachments' titles, notes and cell templates, the 署名, a written 附注 and the 印发机关. The checks resolve
 * their names before rendering; rendering writes exactly these. Tolerant of data that failed the schema: what is
 * not text is skipped.
 */
export function templateTexts(data: Partial<CircularData>): TemplateText[] {
  const out: TemplateText[] = [];
  const add = (path: DataPath, text: unknown) => typeof text === "string" && out.push({ path, text });
  add(["title"], data.title);
  if (Array.isArray(data.body)) blocks(data.body, ["body"], out);
  (Array.isArray(data.attachmentList) ? data.attachmentList : []).forEach((t, i) => add(["attachmentList", i], t));
  (Array.isArray(data.attachments) ? data.attachments : []).forEach((a, i) => {
    if (typeof a !== "object" || a === null) return;
    add(["attachments", i, "title"], a.title);
    add(["attachments", i, "subtitle"], a.subtitle);
    (Array.isArray(a.notes) ? a.notes : []).forEach((n, k) => add(["attachments", i, "notes", k], n));
    (Array.isArray(a.columns) ? a.columns : []).forEach((c, k) => {
      if (typeof c === "object" && c !== null && typeof c.value === "string") out.push({ path: ["attachments", i, "columns", k, "value"], text: c.value, table: i });
    });
  });
  add(["signature"], data.signature);
  add(["note"], data.note);
  if (typeof data.colophon === "object" && data.colophon !== null) add(["colophon", "printedBy"], data.colophon.printedBy);
  return out;
}

import type { CircularData } from "../validate/circular-data.js";
import { defined } from "./arithmetic.js";
import { deriveNewMedia, type NewMediaFigures } from "./new-media.js";
import { deriveSites, type SiteFigures } from "./sites.js";
import { deriveTable, rowsOf, type TableFigures } from "./tables.js";

/**
 * The data with every computed figure beside it. Templates, prose, tables and cross-checks all read figures from
 * here, so a number has one source and cannot disagree with itself.
 */
export interface Derived {
  data: CircularData;
  sites?: SiteFigures;
  newMedia?: NewMediaFigures;
  /** One per attachment, in order; undefined where the attachment's row source is missing (a rule reports it). */
  tables: (TableFigures | undefined)[];
}

export function derive(data: CircularData): Derived {
  const figures = defined({
    sites: data.sites && deriveSites(data.sites),
    newMedia: data.newMedia && deriveNewMedia(data.newMedia),
  });
  const tables = (data.attachments ?? []).map((a) => {
    const rows = rowsOf(a.rows, figures);
    return rows && deriveTable(a, rows);
  });
  return { data, ...figures, tables };
}

/** What templates and the drafter's `{{…}}` expressions see: the data, with figures in place of the raw groups. */
export function templateContext(derived: Derived): Record<string, unknown> {
  const { data, sites, newMedia } = derived;
  return defined({ ...data, sites, newMedia });
}

/** The plan stage: the document model laid out to GB/T 9704 as pages any writer can say in its own format. */
export { BORDER_ALLOWANCE, CELL_PADDING_X, CELL_PADDING_Y, planColumns } from "./column-widths.js";
export { BODY_SIZE, CHAR, LANDSCAPE_TEXT_HEIGHT, LANDSCAPE_TEXT_WIDTH, LINE, PAGE, SMALL_SIZE, TEXT_HEIGHT, TEXT_WIDTH, TITLE_SIZE, mm } from "./geometry.js";
export { breakLines, textWidth } from "./measure.js";
export { HEADING_LEVELS, headingText, pointOrdinal } from "./numbering.js";
export { paginate } from "./paginate.js";
export { planAttachment, planCircular } from "./plan-circular.js";
export type * from "./plan.js";
export { DEFAULT_PROFILE, resolveProfile, type Profile, type ProfileOverrides } from "./profile.js";
export { cellParagraphs } from "./table.js";
export { titleLines } from "./title-lines.js";
export type { FontEntry } from "./fonts.js";

/** Text as circulars write it: numerals, dates, periods, numbers, and the characters a document cannot carry. */
export { HELPERS, HelperError, checkArguments, fits, typeWords, type HelperSpec, type ParamSpec, type ParamType } from "./helpers.js";
export { findBadCharacter, normalizeText, type BadCharacter } from "./characters.js";
export { chineseDate, compareDates, dateSpan, dayRange, daysBetween, daysInMonth, isoDate, monthDay, monthRange, parseDate, type CivilDate } from "./dates.js";
export { MAX_NUMERAL, chineseNumeral } from "./numerals.js";
export { closest, distance, unknownNameHint } from "./suggest.js";
export { cellText, formatNumber, formatPercent, tidy } from "./numbers.js";
export { periodDates, periodName, shiftPeriod, type Period, type PeriodWording } from "./periods.js";
export { columnName } from "./columns.js";
export { memoByText } from "./memo.js";

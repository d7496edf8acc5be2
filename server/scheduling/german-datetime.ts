/** German date and time phrases as callers say them; see the two parsers for the rules. */
export { parseGermanDate, parseGermanDays, type DaySpan } from "./german-date";
export { germanTimeReadings, parseGermanTime, type ParseGermanTimeOptions } from "./german-time";

/** German date and time phrases as callers say them; see the two parsers for the rules. */
export { parseGermanDate } from "./german-date";
export { parseGermanTime, type ParseGermanTimeOptions } from "./german-time";

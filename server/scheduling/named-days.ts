/**
 * Days callers name instead of a date: public holidays and the days around Christmas and
 * New Year ("Heiligabend", "Silvester", "Ostermontag"). A named day is its next occurrence,
 * today included. Works on date tokens (see german-date.ts): ordinals are "1.", cardinals digits.
 */
import { addDaysLocal, formatLocalDate, requireLocalDate, type LocalDate } from "./local-date";
import { easterSunday } from "./holidays";

type DayOfYear = (year: number) => LocalDate;

const fixed = (month: number, day: number): DayOfYear => (year) => formatLocalDate({ year, month, day });
const fromEaster = (days: number): DayOfYear => (year) => addDaysLocal(easterSunday(year), days);

/** Patterns over the token phrase; the more specific ones first ("2. weihnachtstag" before "weihnachten"). */
const NAMED_DAYS: ReadonlyArray<readonly [RegExp, DayOfYear]> = [
  [/(?:^|\s)heilig(?:e[nr]?)? ?abend(?=$|\s)/, fixed(12, 24)],
  [/(?:^|\s)silvester(?:abend|tag)?(?=$|\s)/, fixed(12, 31)],
  [/(?:^|\s)neujahr(?:stag)?(?=$|\s)/, fixed(1, 1)],
  [/(?:^|\s)heilige(?:n|r)? (?:3|drei) koenige(?:n)?(?=$|\s)|(?:^|\s)dreikoenig(?:e|stag)?(?=$|\s)/, fixed(1, 6)],
  [/(?:^|\s)rosenmontag(?=$|\s)/, fromEaster(-48)],
  [/(?:^|\s)karfreitag(?=$|\s)/, fromEaster(-2)],
  [/(?:^|\s)ostermontag(?=$|\s)/, fromEaster(1)],
  [/(?:^|\s)(?:ostersonntag|ostern)(?=$|\s)/, fromEaster(0)],
  [/(?:^|\s)(?:christi )?himmelfahrt(?:stag)?(?=$|\s)|(?:^|\s)vatertag(?=$|\s)/, fromEaster(39)],
  [/(?:^|\s)pfingstmontag(?=$|\s)/, fromEaster(50)],
  [/(?:^|\s)(?:pfingstsonntag|pfingsten)(?=$|\s)/, fromEaster(49)],
  [/(?:^|\s)fronleichnam(?=$|\s)/, fromEaster(60)],
  [/(?:^|\s)tag der arbeit(?=$|\s)/, fixed(5, 1)],
  [/(?:^|\s)tag der deutschen einheit(?=$|\s)/, fixed(10, 3)],
  [/(?:^|\s)reformationstag(?=$|\s)/, fixed(10, 31)],
  [/(?:^|\s)allerheiligen(?=$|\s)/, fixed(11, 1)],
  [/(?:^|\s)nikolaus(?:tag)?(?=$|\s)/, fixed(12, 6)],
  [/(?:^|\s)2\. weihnachts(?:feier)?tag(?=$|\s)|(?:^|\s)stephanstag(?=$|\s)/, fixed(12, 26)],
  [/(?:^|\s)(?:1\. )?weihnachts(?:feier)?tag(?=$|\s)|(?:^|\s)weihnachten(?=$|\s)/, fixed(12, 25)],
];

/** The next occurrence (today included) of the day named in `phrase`, or null when none is named. */
export function namedDay(phrase: string, today: LocalDate): LocalDate | null {
  const found = NAMED_DAYS.find(([re]) => re.test(phrase));
  if (!found) return null;
  const { year } = requireLocalDate(today);
  const thisYear = found[1](year);
  return thisYear >= today ? thisYear : found[1](year + 1);
}

import { describe, expect, it } from "vitest";
import { filtersFromQuery, listInput, rangeText } from "./list-filters";

const TODAY = "2026-12-01";
const parse = (query: string) => filtersFromQuery(new URLSearchParams(query), TODAY);

describe("the list's search across all days", () => {
  it("searches every day, past and future, when no range is chosen", () => {
    const filters = parse("suche=Maria");
    expect(filters.allDays).toBe(true);
    const input = listInput(filters);
    expect(input).not.toHaveProperty("date_from");
    expect(input).not.toHaveProperty("date_to");
    expect(input.search).toBe("Maria");
    expect(rangeText(filters)).toBe("Termine aller Tage");
  });

  it("keeps a chosen range, and the default 14 days without a search", () => {
    expect(listInput(parse("suche=Maria&von=2026-12-03"))).toMatchObject({ date_from: "2026-12-03", date_to: "2026-12-15", search: "Maria" });
    expect(listInput(parse("suche=Maria&bis=2026-12-05"))).toMatchObject({ date_from: TODAY, date_to: "2026-12-05" });
    expect(listInput(parse(""))).toMatchObject({ date_from: TODAY, date_to: "2026-12-15" });
    expect(parse("").allDays).toBeUndefined();
  });
});

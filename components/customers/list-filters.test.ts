import { describe, expect, it } from "vitest";
import { customerFiltersFromQuery, customerFiltersToQuery, customerListInput, PAGE_SIZE } from "./list-filters";
import { describeMoves } from "./merge-moves";

const query = (text: string) => new URLSearchParams(text);

describe("the Kunden list's state in the URL", () => {
  it("keeps search, sort and page, leaves defaults out, and reads back what it wrote", () => {
    const filters = { search: "+49 171 1234567", sort: "last_visit" as const, page: 3 };
    const written = customerFiltersToQuery(filters);
    expect(customerFiltersFromQuery(query(written))).toEqual(filters);
    expect(customerFiltersToQuery({ search: "  ", sort: "name", page: 1 })).toBe("");
  });

  it("falls back to sorting by name and the first page for anything unknown", () => {
    expect(customerFiltersFromQuery(query("sortierung=alter&seite=x"))).toEqual({ search: "", sort: "name", page: 1 });
  });

  it("asks customer.list for the trimmed search and the page's offset", () => {
    expect(customerListInput({ search: " Müller ", sort: "name", page: 2 })).toEqual({ query: "Müller", sort: "name", limit: PAGE_SIZE, offset: PAGE_SIZE });
    expect(customerListInput({ search: "", sort: "last_visit", page: 1 })).toEqual({ sort: "last_visit", limit: PAGE_SIZE, offset: 0 });
  });
});

describe("what a merge moves, in words", () => {
  it("names only what is there, with German plurals", () => {
    expect(describeMoves({ appointments: 2, calls: 1, tasks: 0, payments: 0, messages: 1 })).toBe("2 Termine, 1 Anruf und 1 Nachricht");
    expect(describeMoves({ appointments: 1, calls: 0, tasks: 0, payments: 0, messages: 0 })).toBe("1 Termin");
    expect(describeMoves({ appointments: 0, calls: 0, tasks: 2, payments: 1, messages: 0 })).toBe("2 Rückruf-Aufgaben und 1 Zahlung");
    expect(describeMoves({ appointments: 0, calls: 0, tasks: 0, payments: 0, messages: 0 })).toBe("keine Termine, Anrufe oder Nachrichten");
  });
});

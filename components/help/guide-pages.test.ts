import { describe, expect, it } from "vitest";
import { contextHelpFor, GUIDE_PAGES, helpMenuEntries } from "./guide-pages";

describe("the help menu", () => {
  it("links every page of the user guide, Fehlerbehebung included", () => {
    const hrefs = helpMenuEntries("/termine").map((e) => e.href);
    expect(hrefs).toContain("/hilfe");
    expect(hrefs).toContain("/hilfe/fehlerbehebung");
    expect(hrefs).toHaveLength(GUIDE_PAGES.length);
    expect(helpMenuEntries("/termine").find((e) => e.href === "/hilfe/fehlerbehebung")?.label).toBe("Fehlerbehebung");
  });

  it("puts help for the current page first", () => {
    const [first] = helpMenuEntries("/retell");
    expect(first).toEqual({ label: "Hilfe zu dieser Seite: Retell verbinden", href: "/hilfe/retell-verbinden#webhook-adresse-eintragen", context: true });
    expect(helpMenuEntries("/funktionstest")[0]?.href).toBe("/hilfe/funktionen#funktionen-ausprobieren-funktionstest");
    expect(helpMenuEntries("/funktionen")[0]?.href).toBe("/hilfe/funktionen");
    expect(helpMenuEntries("/fehler/abc")[0]?.href).toBe("/hilfe/fehlerbehebung");
  });

  it("matches sub-pages but not look-alike paths", () => {
    expect(contextHelpFor("/agenten/123")?.href).toBe("/hilfe/retell-verbinden#agent-einrichten");
    expect(contextHelpFor("/retell-xyz")).toBeUndefined();
    expect(contextHelpFor("/termine")).toBeUndefined();
    expect(helpMenuEntries("/termine").some((e) => e.context)).toBe(false);
  });
});

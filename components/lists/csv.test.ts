import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("csvCell", () => {
  it("leaves plain text as it is", () => {
    expect(csvCell("Maria Müller")).toBe("Maria Müller");
    expect(csvCell(12)).toBe("12");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("quotes a cell with the separator", () => {
    expect(csvCell("Schnitt; Farbe")).toBe('"Schnitt; Farbe"');
  });

  it("quotes a cell with quotes and doubles them", () => {
    expect(csvCell('Sagt "bitte pünktlich"')).toBe('"Sagt ""bitte pünktlich"""');
  });

  it("quotes a cell with line breaks and keeps them", () => {
    expect(csvCell("Zeile 1\nZeile 2")).toBe('"Zeile 1\nZeile 2"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
  });

  it("shows text a spreadsheet would run as a formula as text", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("-1+2")).toBe("'-1+2");
    expect(csvCell("+cmd")).toBe("'+cmd");
  });

  it("keeps phone numbers and negative numbers unchanged", () => {
    expect(csvCell("+4917112345670")).toBe("+4917112345670");
    expect(csvCell("+49 171 1234567")).toBe("+49 171 1234567");
    expect(csvCell("-5")).toBe("-5");
  });
});

describe("toCsv", () => {
  it("is UTF-8 with BOM, ';' between cells and CRLF after every row", () => {
    const text = toCsv(["Datum", "Kundschaft", "Notizen"], [
      ["01.12.2026", "Jörg Groß", "ruft an; \"spät\""],
      ["02.12.2026", null, "zwei\nZeilen"],
    ]);
    expect(text).toBe('\uFEFFDatum;Kundschaft;Notizen\r\n01.12.2026;Jörg Groß;"ruft an; ""spät"""\r\n02.12.2026;;"zwei\nZeilen"\r\n');
  });

  it("is only the header for no rows", () => {
    expect(toCsv(["A", "B"], [])).toBe("\uFEFFA;B\r\n");
  });
});

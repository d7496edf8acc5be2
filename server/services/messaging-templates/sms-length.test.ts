import { describe, expect, it } from "vitest";
import { firstNonGsm7, isGsm7, smsLength } from "./sms-length";

const times = (char: string, n: number) => char.repeat(n);

describe("smsLength: GSM-7", () => {
  it("counts German umlauts and ß as one GSM-7 character each", () => {
    expect(smsLength("Grüße aus Köln, Ärger? Öl! Übermaß")).toEqual({ encoding: "GSM-7", characters: 34, segments: 1, limit: 160 });
    expect(isGsm7("äöüÄÖÜß")).toBe(true);
  });

  it("keeps straight quotes, hyphen, line breaks and the basic punctuation in GSM-7", () => {
    const r = smsLength('Termin "morgen" - 10:00 Uhr.\nBis dann!');
    expect(r.encoding).toBe("GSM-7");
    expect(r.characters).toBe(38);
  });

  it("counts characters of the extension table (€ [ ] { } \\ ^ ~ |) twice", () => {
    expect(smsLength("49 €")).toMatchObject({ encoding: "GSM-7", characters: 5 });
    expect(smsLength("[]{}\\^~|")).toMatchObject({ encoding: "GSM-7", characters: 16 });
  });

  it("sends 160 characters as one SMS and 161 as two", () => {
    expect(smsLength(times("a", 160))).toEqual({ encoding: "GSM-7", characters: 160, segments: 1, limit: 160 });
    expect(smsLength(times("a", 161))).toEqual({ encoding: "GSM-7", characters: 161, segments: 2, limit: 306 });
  });

  it("splits into parts of 153: 306 fit two, 307 need three", () => {
    expect(smsLength(times("a", 306)).segments).toBe(2);
    expect(smsLength(times("a", 307))).toMatchObject({ segments: 3, limit: 459 });
  });

  it("lets € push a text over 160 although it has only 159 characters", () => {
    const text = `${times("a", 158)}€`;
    expect(Array.from(text)).toHaveLength(159);
    expect(smsLength(text)).toMatchObject({ characters: 160, segments: 1 });
    expect(smsLength(`${text}a`)).toMatchObject({ characters: 161, segments: 2 });
  });

  it("never splits an extension character across two parts", () => {
    // 152 a + € (2 septets) = 154 > 153: the € moves to part two; 152 + 2 + 151 + 2 ... stays honest.
    const text = `${times("a", 152)}€${times("a", 152)}`;
    expect(smsLength(text).characters).toBe(306);
    expect(smsLength(text).segments).toBe(3);
  });

  it("reports an empty text as no SMS", () => {
    expect(smsLength("")).toEqual({ encoding: "GSM-7", characters: 0, segments: 0, limit: 160 });
  });
});

describe("smsLength: UCS-2", () => {
  it("switches the whole SMS to UCS-2 for typographic quotes and names the character", () => {
    const r = smsLength("Ihr Termin „morgen“");
    expect(r).toEqual({ encoding: "UCS-2", characters: 19, segments: 1, limit: 70, firstNonGsm: "„" });
  });

  it("names the en dash and the ellipsis as non-GSM", () => {
    expect(smsLength("10–11 Uhr").firstNonGsm).toBe("–");
    expect(smsLength("Bis dann…").firstNonGsm).toBe("…");
    expect(firstNonGsm7("ok ’quote")).toBe("’");
  });

  it("counts an emoji as two units and names it whole", () => {
    const r = smsLength("Danke 😊");
    expect(r).toMatchObject({ encoding: "UCS-2", characters: 8, segments: 1, firstNonGsm: "😊" });
  });

  it("sends 70 units as one SMS and 71 as two (67 per part)", () => {
    expect(smsLength(`„${times("a", 69)}`)).toMatchObject({ encoding: "UCS-2", characters: 70, segments: 1, limit: 70 });
    expect(smsLength(`„${times("a", 70)}`)).toMatchObject({ characters: 71, segments: 2, limit: 134 });
    expect(smsLength(`„${times("a", 133)}`)).toMatchObject({ characters: 134, segments: 2 });
    expect(smsLength(`„${times("a", 134)}`)).toMatchObject({ characters: 135, segments: 3 });
  });

  it("counts € as one unit once the SMS is UCS-2", () => {
    expect(smsLength("€ „")).toMatchObject({ encoding: "UCS-2", characters: 3 });
  });

  it("never splits an emoji between two parts", () => {
    // 66 units + emoji (2) = 68 > 67: the emoji starts part two.
    const text = `${times("a", 66)}😊${times("a", 66)}`;
    expect(smsLength(text).characters).toBe(134);
    expect(smsLength(text).segments).toBe(3);
  });
});

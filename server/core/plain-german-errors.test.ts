import { describe, expect, it } from "vitest";
import { z } from "zod";
import "@/server/core/zod-locale";
import { plainMessageProblem } from "@/components/forms/plain-messages";

/** The messages zod reports for `value` against `schema`, with the locale installed by zod-locale. */
const messages = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error(`${JSON.stringify(value)} was accepted`);
  return parsed.error.issues.map((i) => i.message);
};
const message = (schema: z.ZodType, value: unknown) => messages(schema, value)[0];

describe("zod's messages in plain German", () => {
  it("asks to fill in an empty or missing required field", () => {
    expect(message(z.string().min(1), "")).toBe("Bitte ausfüllen.");
    expect(message(z.string().trim().min(1), "   ")).toBe("Bitte ausfüllen.");
    expect(message(z.object({ name: z.string() }), {})).toBe("Bitte ausfüllen.");
    expect(message(z.number(), undefined)).toBe("Bitte ausfüllen.");
    expect(message(z.number(), Number.NaN)).toBe("Bitte eine Zahl eingeben.");
    expect(message(z.email(), "")).toBe("Bitte ausfüllen.");
  });

  it("names lengths in characters and entries", () => {
    expect(message(z.string().min(3), "ab")).toBe("Mindestens 3 Zeichen.");
    expect(message(z.string().max(200), "x".repeat(201))).toBe("Höchstens 200 Zeichen.");
    expect(message(z.string().length(5), "1234")).toBe("Genau 5 Zeichen.");
    expect(message(z.array(z.string()).min(1), [])).toBe("Bitte mindestens einen Eintrag wählen.");
    expect(message(z.array(z.string()).max(2), ["a", "b", "c"])).toBe("Höchstens 2 Einträge.");
  });

  it("asks for numbers, whole numbers and bounds", () => {
    expect(message(z.number(), "zehn")).toBe("Bitte eine Zahl eingeben.");
    expect(message(z.number().int(), 2.5)).toBe("Bitte eine ganze Zahl eingeben.");
    expect(message(z.int(), "3")).toBe("Bitte eine ganze Zahl eingeben.");
    expect(message(z.number().int(), "drei")).toBe("Bitte eine ganze Zahl eingeben.");
    expect(message(z.number().min(5), 4)).toBe("Mindestens 5.");
    expect(message(z.number().max(1000), 1001)).toBe("Höchstens 1.000.");
    expect(message(z.number().positive(), 0)).toBe("Bitte eine Zahl größer als 0 eingeben.");
    expect(message(z.number().lt(10), 10)).toBe("Bitte eine Zahl kleiner als 10 eingeben.");
    expect(message(z.number().multipleOf(5), 7)).toBe("Bitte ein Vielfaches von 5 eingeben.");
  });

  it("explains formats with an example", () => {
    expect(message(z.email(), "keine-mail")).toBe("Bitte eine gültige E-Mail-Adresse eingeben, z. B. name@beispiel.de.");
    expect(message(z.url(), "beispiel")).toBe("Bitte eine vollständige Adresse mit https:// eingeben.");
    expect(message(z.iso.date(), "1.2.2026")).toBe("Bitte ein Datum angeben, z. B. 2026-03-01.");
    expect(message(z.iso.datetime(), "morgen")).toMatch(/^Bitte Datum und Uhrzeit/);
    expect(message(z.string().regex(/^\d+$/), "abc")).toBe("Das Format passt nicht. Bitte die Eingabe prüfen.");
    expect(message(z.string().startsWith("https://"), "http://x")).toBe("Bitte mit „https://“ beginnen.");
    expect(message(z.date().min(new Date("2026-03-01T12:00:00Z")), new Date("2026-02-01T12:00:00Z"))).toBe("Frühestens am 01.03.2026.");
  });

  it("offers choices instead of listing zod's expectations", () => {
    expect(message(z.enum(["admin", "staff"]), "")).toBe("Bitte einen der angebotenen Werte wählen.");
    expect(z.enum(["admin", "staff"]).safeParse("boss").error?.issues[0]).toMatchObject({ message: "Bitte einen der angebotenen Werte wählen.", values: ["admin", "staff"] });
    expect(message(z.literal(true), false)).toBe("Bitte bestätigen.");
    expect(message(z.boolean(), "ja")).toBe("Bitte Ja oder Nein wählen.");
    expect(message(z.union([z.string().email(), z.number()]), true)).toBe("Bitte einen gültigen Wert eingeben.");
  });

  it("names an API caller's unknown fields", () => {
    expect(message(z.strictObject({ name: z.string() }), { name: "a", nmae: "b" })).toBe("Unbekanntes Feld: nmae. Bitte weglassen.");
    expect(message(z.strictObject({}), { a: 1, b: 2 })).toBe("Unbekannte Felder: a, b. Bitte weglassen.");
  });

  it("keeps a schema's own message", () => {
    expect(message(z.string().min(1, "Bitte einen Namen eingeben."), "")).toBe("Bitte einen Namen eingeben.");
  });

  it("never answers with zod's raw wording, whatever the issue", () => {
    const cases: Array<[z.ZodType, unknown]> = [
      [z.string(), 1], [z.string(), null], [z.number(), "x"], [z.bigint(), 1], [z.boolean(), 1], [z.date(), "x"], [z.date(), new Date("x")],
      [z.array(z.string()), "x"], [z.object({}), "x"], [z.record(z.string(), z.string()), 1], [z.null(), 1], [z.undefined(), 1], [z.never(), 1],
      [z.string().min(2), "a"], [z.string().max(1), "ab"], [z.number().gte(1), 0], [z.number().lte(1), 2], [z.number().gt(1), 1],
      [z.set(z.string()).min(2), new Set(["a"])], [z.uuid(), "x"], [z.cuid(), "x"], [z.e164(), "0301234"], [z.iso.time(), "25:99"],
      [z.iso.duration(), "x"], [z.ipv4(), "x"], [z.jwt(), "x"], [z.base64(), "%%"], [z.string().endsWith("x"), "a"], [z.string().includes("x"), "a"],
      [z.string().lowercase(), "A"], [z.string().uppercase(), "a"], [z.literal("a"), "b"], [z.enum(["a"]), 1], [z.tuple([z.string()]), [1, 2]],
      [z.record(z.enum(["a"]), z.string()), { b: "x" }], [z.map(z.string(), z.string()), new Map([[1, "a"]])], [z.set(z.string()), new Set([1])],
      [z.discriminatedUnion("kind", [z.object({ kind: z.literal("a") })]), { kind: "b" }], [z.xor([z.string(), z.string()]), "a"],
      [z.templateLiteral(["a", z.number()]), "b"], [z.custom<string>((v) => typeof v === "string"), 1], [z.number().refine((n) => n > 0), -1],
    ];
    for (const [schema, value] of cases) {
      for (const text of messages(schema, value)) expect({ value, text, problem: plainMessageProblem(text) }).toEqual({ value, text, problem: null });
    }
  });
});

/** renderMessage over the company's texts as the messaging context reads them on PGlite (the company's template over the default, per company) and icsFor. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { messagingContext } from "@/server/services/messaging-delivery/context";
import { icsFor, renderMessage, type MessageVars } from "./render";

let db: TestDb;
let companyA: string;
let companyB: string;

const VARS: MessageVars = {
  name: "Anna Beispiel",
  date: "31.03.2026",
  time: "10:00",
  service: "Herrenhaarschnitt",
  staff: null,
  branch: "Salon Mitte",
  address: "Hauptstraße 1, 10115 Berlin",
  company: "Friseur & Söhne",
};

beforeAll(async () => {
  db = await createTestDb();
  companyA = (await db.prisma.company.create({ data: { slug: "a", name: "Friseur & Söhne" } })).id;
  companyB = (await db.prisma.company.create({ data: { slug: "b", name: "Barbier" } })).id;
  await db.prisma.messageTemplate.create({
    data: { companyId: companyA, channel: "sms", kind: "confirmation", body: "{betrieb}: bis {datum} um {uhrzeit}, {name}!" },
  });
  await db.prisma.messageTemplate.create({
    data: { companyId: companyA, channel: "email", kind: "reminder", subject: "Bald: {leistung}", body: "Hallo {name},\n\n<b>morgen</b> {uhrzeit} Uhr." },
  });
});
afterAll(async () => {
  await db.close();
});

const templatesOf = async (companyId: string) => (await messagingContext(db.prisma, companyId))!.templates;

describe("renderMessage", () => {
  it("uses the company's own SMS text", async () => {
    const r = renderMessage(await templatesOf(companyA), { channel: "sms", kind: "confirmation", vars: VARS });
    expect(r).toEqual({ subject: null, text: "Friseur & Söhne: bis 31.03.2026 um 10:00, Anna Beispiel!", html: null });
  });

  it("uses the default for another company and for a kind without own text", async () => {
    const other = renderMessage(await templatesOf(companyB), { channel: "sms", kind: "confirmation", vars: VARS });
    expect(other.text).toBe("Hallo Anna Beispiel, Ihr Termin bei Friseur & Söhne am 31.03.2026 um 10:00 Uhr ist bestätigt: Herrenhaarschnitt, Salon Mitte.");
    const change = renderMessage(await templatesOf(companyA), { channel: "sms", kind: "change", vars: VARS });
    expect(change.text).toContain("wurde verlegt auf 31.03.2026 um 10:00 Uhr");
  });

  it("renders an e-mail with subject, text and escaped HTML from the company's template", async () => {
    const r = renderMessage(await templatesOf(companyA), { channel: "email", kind: "reminder", vars: VARS });
    expect(r.subject).toBe("Bald: Herrenhaarschnitt");
    expect(r.text).toBe("Hallo Anna Beispiel,\n\n<b>morgen</b> 10:00 Uhr.");
    expect(r.html).toContain("&lt;b&gt;morgen&lt;/b&gt; 10:00 Uhr.");
    expect(r.html).toContain("Friseur &amp; Söhne");
    expect(r.html).not.toContain("<b>morgen");
  });

  it("renders the default e-mail when the company has none", async () => {
    const r = renderMessage(await templatesOf(companyB), { channel: "email", kind: "cancellation", vars: VARS });
    expect(r.subject).toBe("Terminabsage: Herrenhaarschnitt am 31.03.2026 um 10:00 Uhr");
    expect(r.text).toContain("Ihr Termin am 31.03.2026 um 10:00 Uhr (Herrenhaarschnitt) wurde abgesagt.");
    expect(r.html).toContain("<!DOCTYPE html>");
  });

  it("works inside a transaction", async () => {
    const r = await db.prisma.$transaction(async (tx) =>
      renderMessage((await messagingContext(tx, companyA))!.templates, { channel: "sms", kind: "confirmation", vars: VARS }),
    );
    expect(r.text.startsWith("Friseur & Söhne:")).toBe(true);
  });
});

describe("icsFor", () => {
  const base = {
    uid: "apt-42@askproai",
    summary: "Herrenhaarschnitt - Friseur Schmidt",
    location: "Hauptstraße 1, 10115 Berlin",
    description: "Bei Jana\nBitte 5 Minuten früher da sein.",
    organizerName: "Friseur Schmidt",
    organizerEmail: "termine@friseur.example",
  };
  /** The ics text with folded lines joined. */
  const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");

  it("writes Berlin times as UTC, in winter (+1) and in summer (+2)", () => {
    // 10:00 Berlin on 27 March 2026 (CET) and on 30 March 2026 (CEST, after the switch on the 29th).
    const winter = icsFor({ ...base, start: new Date("2026-03-27T09:00:00Z"), end: new Date("2026-03-27T09:45:00Z"), sequence: 0 });
    expect(winter).toContain("DTSTART:20260327T090000Z");
    expect(winter).toContain("DTEND:20260327T094500Z");
    const summer = icsFor({ ...base, start: new Date("2026-03-30T08:00:00Z"), end: new Date("2026-03-30T08:45:00Z"), sequence: 0 });
    expect(summer).toContain("DTSTART:20260330T080000Z");
  });

  it("writes a request with the appointment's details and organizer", () => {
    const ics = unfold(icsFor({ ...base, start: new Date("2026-03-30T08:00:00Z"), end: new Date("2026-03-30T08:45:00Z"), sequence: 1 }));
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain("UID:apt-42@askproai");
    expect(ics).toContain("SEQUENCE:1");
    expect(ics).toContain("STATUS:CONFIRMED");
    expect(ics).toContain("SUMMARY:Herrenhaarschnitt - Friseur Schmidt");
    expect(ics).toContain("LOCATION:Hauptstraße 1\\, 10115 Berlin");
    expect(ics).toContain("DESCRIPTION:Bei Jana\\nBitte 5 Minuten früher da sein.");
    expect(ics).toMatch(/ORGANIZER;CN="?Friseur Schmidt"?:mailto:termine@friseur\.example/);
  });

  it("keeps the UID of a moved appointment and raises SEQUENCE, so calendars update the entry", () => {
    const first = icsFor({ ...base, start: new Date("2026-03-30T08:00:00Z"), end: new Date("2026-03-30T08:45:00Z"), now: new Date("2026-03-01T10:00:00Z") });
    const moved = icsFor({ ...base, start: new Date("2026-03-31T12:00:00Z"), end: new Date("2026-03-31T12:45:00Z"), now: new Date("2026-03-02T10:00:00Z") });
    const seq = (ics: string) => Number(/SEQUENCE:(\d+)/.exec(ics)?.[1]);
    expect(/UID:(.+)\r\n/.exec(first)?.[1]).toBe(/UID:(.+)\r\n/.exec(moved)?.[1]);
    expect(seq(moved)).toBeGreaterThan(seq(first));
    expect(seq(first)).toBeLessThan(2 ** 31);
  });

  it("writes a cancellation as METHOD:CANCEL and STATUS:CANCELLED with the same UID", () => {
    const ics = icsFor({ ...base, start: new Date("2026-03-30T08:00:00Z"), end: new Date("2026-03-30T08:45:00Z"), cancelled: true, sequence: 2 });
    expect(ics).toContain("METHOD:CANCEL");
    expect(ics).toContain("STATUS:CANCELLED");
    expect(ics).toContain("UID:apt-42@askproai");
  });

  it("leaves the organizer out when there is no address, and a missing location too", () => {
    const ics = icsFor({ ...base, organizerEmail: undefined, location: null, start: new Date("2026-03-30T08:00:00Z"), end: new Date("2026-03-30T08:45:00Z") });
    expect(ics).not.toContain("ORGANIZER");
    expect(ics).not.toContain("LOCATION");
  });
});

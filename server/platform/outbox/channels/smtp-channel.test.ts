import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeSmtp, type FakeSmtp } from "@/server/integrations/fakes/smtp-server";
import { icsFor } from "@/server/services/messaging-templates/render";
import { icsMethod, SmtpChannel } from "./smtp-channel";

/** One MIME entity: its headers (lower-case names, folded lines joined) and its decoded body or parts. */
interface MimePart {
  headers: Record<string, string>;
  body: string;
  parts: MimePart[];
}

function parseMime(raw: string): MimePart {
  const split = raw.indexOf("\r\n\r\n");
  const head = split === -1 ? raw : raw.slice(0, split);
  const rawBody = split === -1 ? "" : raw.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const type = headers["content-type"] ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith("multipart/") && boundary) {
    const chunks = rawBody.split(`--${boundary}`).slice(1);
    const parts = chunks.filter((c) => !c.startsWith("--")).map((c) => parseMime(c.replace(/^\r\n/, "").replace(/\r\n$/, "")));
    return { headers, body: "", parts };
  }
  const encoding = (headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  let body: string;
  if (encoding === "base64") body = Buffer.from(rawBody.replace(/\s+/g, ""), "base64").toString("utf8");
  else if (encoding === "quoted-printable") {
    const bytes = rawBody.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, h: string) => `%${h}`);
    body = decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, "%25"));
  } else body = rawBody;
  return { headers, body, parts: [] };
}

function flatten(part: MimePart): MimePart[] {
  return part.parts.length === 0 ? [part] : part.parts.flatMap(flatten);
}

describe("SmtpChannel", () => {
  let smtp: FakeSmtp;
  beforeAll(async () => {
    smtp = await startFakeSmtp();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it("sends text and HTML as alternatives and the appointment as termin.ics (method=REQUEST)", async () => {
    const channel = new SmtpChannel(smtp.url, "Salon <termine@salon.example>");
    const ics = icsFor({
      uid: "apt-1@askproai",
      start: new Date("2026-03-30T08:00:00Z"),
      end: new Date("2026-03-30T08:45:00Z"),
      summary: "Herrenhaarschnitt",
      location: "Hauptstraße 1, 10115 Berlin",
      description: "Bei Jana",
      organizerName: "Salon Schmidt",
      organizerEmail: "termine@salon.example",
      sequence: 3,
    });
    const before = smtp.received.length;
    await channel.send({
      channel: "email",
      to: "anna@example.de",
      subject: "Terminbestätigung: Herrenhaarschnitt",
      text: "Hallo Anna,\n\nIhr Termin ist bestätigt. Größe: ÄÖÜ",
      html: "<p>Hallo Anna,</p><p>Ihr Termin ist bestätigt. Größe: ÄÖÜ</p>",
      ics,
    });
    expect(smtp.received).toHaveLength(before + 1);
    const mail = smtp.received[before]!;
    expect(mail.to).toEqual(["anna@example.de"]);

    const root = parseMime(mail.data);
    expect(root.headers["content-type"]).toMatch(/^multipart\/mixed/i);
    const alternative = root.parts.find((p) => /^multipart\/alternative/i.test(p.headers["content-type"] ?? ""));
    expect(alternative).toBeDefined();
    const [plain, html] = alternative!.parts;
    expect(plain!.headers["content-type"]).toMatch(/^text\/plain/i);
    expect(plain!.body).toContain("Größe: ÄÖÜ");
    expect(html!.headers["content-type"]).toMatch(/^text\/html/i);
    expect(html!.body).toContain("<p>Ihr Termin ist bestätigt. Größe: ÄÖÜ</p>");

    const attachment = flatten(root).find((p) => /^text\/calendar/i.test(p.headers["content-type"] ?? ""));
    expect(attachment).toBeDefined();
    expect(attachment!.headers["content-type"]).toMatch(/method=REQUEST/i);
    expect(attachment!.headers["content-disposition"]).toMatch(/^attachment;\s*filename="?termin\.ics"?/i);
    expect(attachment!.body).toContain("UID:apt-1@askproai");
    expect(attachment!.body).toContain("SEQUENCE:3");
    expect(attachment!.body).toContain("DTSTART:20260330T080000Z");
  });

  it("marks a cancellation's .ics as method=CANCEL", async () => {
    const channel = new SmtpChannel(smtp.url, "termine@salon.example");
    const ics = icsFor({
      uid: "apt-1@askproai",
      start: new Date("2026-03-30T08:00:00Z"),
      end: new Date("2026-03-30T08:45:00Z"),
      summary: "Herrenhaarschnitt",
      location: null,
      description: "",
      organizerName: "Salon Schmidt",
      cancelled: true,
      sequence: 4,
    });
    const before = smtp.received.length;
    await channel.send({ channel: "email", to: "anna@example.de", subject: "Absage", text: "Abgesagt.", ics });
    const attachment = flatten(parseMime(smtp.received[before]!.data)).find((p) => /^text\/calendar/i.test(p.headers["content-type"] ?? ""));
    expect(attachment!.headers["content-type"]).toMatch(/method=CANCEL/i);
    expect(attachment!.body).toContain("STATUS:CANCELLED");
  });

  it("sends a plain text mail, without HTML or attachment, when the message has neither", async () => {
    const channel = new SmtpChannel(smtp.url, "termine@salon.example");
    const before = smtp.received.length;
    await channel.send({ channel: "email", to: "anna@example.de", subject: "Test", text: "Nur Text" });
    const root = parseMime(smtp.received[before]!.data);
    expect(root.headers["content-type"]).toMatch(/^text\/plain/i);
    expect(root.body).toContain("Nur Text");
  });

  it("reads the calendar method from the METHOD line", () => {
    expect(icsMethod("BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR")).toBe("CANCEL");
    expect(icsMethod("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR")).toBe("REQUEST");
    expect(icsMethod("BEGIN:VCALENDAR\r\nDESCRIPTION:METHOD:CANCEL im Text\r\nEND:VCALENDAR")).toBe("REQUEST");
  });
});

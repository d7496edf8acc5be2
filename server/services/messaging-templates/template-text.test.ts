import { describe, expect, it } from "vitest";
import { defaultTemplate, MESSAGE_KINDS } from "./defaults";
import { renderText } from "./render";
import { smsLength } from "./sms-length";
import { branchAddress, escapeHtml, htmlFromText, placeholdersIn, renderTemplate, templateProblem, type MessageVars } from "./template-text";

const VARS: MessageVars = {
  name: "Anna Beispiel",
  date: "31.03.2026",
  time: "10:00",
  service: "Herrenhaarschnitt",
  staff: "Jana Krüger",
  branch: "Salon Mitte",
  address: "Hauptstraße 1, 10115 Berlin",
  company: "Friseur Schmidt",
};
const bare: MessageVars = { ...VARS, name: null, staff: null, address: null };

describe("renderTemplate", () => {
  it("fills every placeholder", () => {
    const text = renderTemplate("{name}|{datum}|{uhrzeit}|{leistung}|{mitarbeiter}|{filiale}|{adresse}|{betrieb}", VARS);
    expect(text).toBe("Anna Beispiel|31.03.2026|10:00|Herrenhaarschnitt|Jana Krüger|Salon Mitte|Hauptstraße 1, 10115 Berlin|Friseur Schmidt");
  });

  it("accepts placeholders in any case and with spaces inside the braces", () => {
    expect(renderTemplate("Hallo {Name}, am { datum }", VARS)).toBe("Hallo Anna Beispiel, am 31.03.2026");
  });

  it("fills a placeholder as often as it appears and leaves unknown ones as written", () => {
    expect(renderTemplate("{betrieb} / {betrieb} {termin}", VARS)).toBe("Friseur Schmidt / Friseur Schmidt {termin}");
  });

  it("does not read placeholders inside values (a customer named '{betrieb}' stays as is)", () => {
    expect(renderTemplate("Hallo {name}", { ...VARS, name: "{betrieb}" })).toBe("Hallo {betrieb}");
  });

  it("renders a missing value as nothing without double spaces", () => {
    expect(renderTemplate("Termin {mitarbeiter} morgen", bare)).toBe("Termin morgen");
    expect(renderTemplate("Hallo {name}, Ihr Termin", bare)).toBe("Hallo, Ihr Termin");
    expect(renderTemplate("{name} Ihr Termin", bare)).toBe("Ihr Termin");
  });

  it("drops the separator of a missing value at the end or inside a list", () => {
    expect(renderTemplate("{leistung}, {filiale}, {adresse}.", bare)).toBe("Herrenhaarschnitt, Salon Mitte.");
    expect(renderTemplate("{filiale}, {adresse}", bare)).toBe("Salon Mitte");
    expect(renderTemplate("{leistung}, {mitarbeiter}, {filiale}", bare)).toBe("Herrenhaarschnitt, Salon Mitte");
    expect(renderTemplate("{leistung} ({mitarbeiter}) morgen", bare)).toBe("Herrenhaarschnitt morgen");
  });

  it("leaves out a line 'Label: {x}' whose value is missing, and keeps the others", () => {
    expect(renderTemplate("Leistung: {leistung}\nBei: {mitarbeiter}\nAdresse: {adresse}\nEnde", bare)).toBe("Leistung: Herrenhaarschnitt\nEnde");
  });

  it("does not tidy text that had no missing value", () => {
    expect(renderTemplate("Hallo  {name} ,  ok:", VARS)).toBe("Hallo  Anna Beispiel ,  ok:");
  });

  it("flattens line breaks inside a value", () => {
    expect(renderTemplate("{adresse}", { ...VARS, address: "Hauptstraße 1\n10115 Berlin" })).toBe("Hauptstraße 1 10115 Berlin");
  });
});

describe("templateProblem", () => {
  it("accepts the known placeholders", () => {
    expect(templateProblem("Hallo {name}, {datum} {uhrzeit} {leistung} {mitarbeiter} {filiale} {adresse} {betrieb}")).toBeNull();
    expect(templateProblem("Ohne Platzhalter")).toBeNull();
  });

  it("names unknown placeholders in German, each once", () => {
    expect(templateProblem("Hallo {vorname}, {termin} {termin}")).toBe(
      "Unbekannte Platzhalter: {vorname}, {termin}. Erlaubt sind {name}, {datum}, {uhrzeit}, {leistung}, {mitarbeiter}, {filiale}, {adresse}, {betrieb}, {link}, {betrag}.",
    );
    expect(templateProblem("{date}")).toMatch(/^Unbekannter Platzhalter: \{date\}\./);
    expect(templateProblem("{}")).toMatch(/^Unbekannter Platzhalter: \{\}\./);
  });

  it("refuses a brace without its partner", () => {
    expect(templateProblem("Hallo {name")).toBe("Eine geschweifte Klammer steht ohne Gegenstück. Platzhalter werden so geschrieben: {name}.");
    expect(templateProblem("Hallo name}")).not.toBeNull();
  });

  it("lists what a text uses", () => {
    expect(placeholdersIn("{name} und {Datum}")).toEqual(["name", "Datum"]);
  });
});

describe("HTML of an e-mail", () => {
  it("escapes every value and all template text", () => {
    const html = htmlFromText("Hallo <b>Anna</b> & \"Co\" 'x'", { subject: "Betreff <i>", company: "A&B <Salon>" });
    expect(html).toContain("Hallo &lt;b&gt;Anna&lt;/b&gt; &amp; &quot;Co&quot; &#39;x&#39;");
    expect(html).toContain("<title>Betreff &lt;i&gt;</title>");
    expect(html).toContain("A&amp;B &lt;Salon&gt;");
    expect(html).not.toContain("<b>");
    expect(html).not.toContain("<Salon>");
  });

  it("makes paragraphs from blank lines and line breaks from single ones", () => {
    const html = htmlFromText("Hallo,\n\nZeile 1\nZeile 2", { subject: "s", company: "c" });
    expect(html).toContain('<p style="margin:0 0 16px 0;">Hallo,</p>');
    expect(html).toContain('<p style="margin:0 0 16px 0;">Zeile 1<br>\nZeile 2</p>');
  });

  it("renders a customer's name with markup as text in the e-mail", () => {
    const r = renderText("email", { subject: "Termin für {name}", body: "Hallo {name}" }, { ...VARS, name: '<script>alert("x")</script>' });
    expect(r.subject).toBe('Termin für <script>alert("x")</script>');
    expect(r.text).toBe('Hallo <script>alert("x")</script>');
    expect(r.html).toContain("Hallo &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(r.html).not.toContain("<script>");
  });

  it("escapes the five characters", () => {
    expect(escapeHtml(`<>&"'`)).toBe("&lt;&gt;&amp;&quot;&#39;");
  });
});

describe("default templates", () => {
  it("use only known placeholders", () => {
    for (const kind of MESSAGE_KINDS) {
      for (const channel of ["sms", "email"] as const) {
        const t = defaultTemplate(channel, kind);
        expect(templateProblem(t.body), `${channel} ${kind}`).toBeNull();
        if (t.subject) expect(templateProblem(t.subject)).toBeNull();
      }
    }
  });

  it("keep SMS in GSM-7 and in one SMS with names of usual length", () => {
    for (const kind of MESSAGE_KINDS) {
      const { text } = renderText("sms", defaultTemplate("sms", kind), VARS);
      const length = smsLength(text);
      expect(length.encoding, `${kind}: ${text}`).toBe("GSM-7");
      expect(length.segments, `${kind}: ${text}`).toBe(1);
    }
  });

  it("give every e-mail a subject and leave no empty label without staff or address", () => {
    for (const kind of MESSAGE_KINDS) {
      const r = renderText("email", defaultTemplate("email", kind), bare);
      expect(r.subject).toMatch(/31\.03\.2026/);
      expect(r.text).not.toMatch(/^(Bei|Adresse):/m);
      expect(r.text).not.toMatch(/ {2}|Hallo ,/);
      expect(r.text.startsWith("Hallo,")).toBe(true);
    }
  });

  it("name the appointment in the confirmation e-mail", () => {
    const r = renderText("email", defaultTemplate("email", "confirmation"), VARS);
    expect(r.subject).toBe("Terminbestätigung: Herrenhaarschnitt am 31.03.2026 um 10:00 Uhr");
    expect(r.text).toContain("Hallo Anna Beispiel,");
    expect(r.text).toContain("Bei: Jana Krüger\nFiliale: Salon Mitte\nAdresse: Hauptstraße 1, 10115 Berlin");
    expect(r.text.endsWith("Viele Grüße\nFriseur Schmidt")).toBe(true);
  });
});

describe("branchAddress", () => {
  it("joins street, postal code and city, leaving out what is missing", () => {
    expect(branchAddress({ street: "Hauptstraße 1", postalCode: "10115", city: "Berlin" })).toBe("Hauptstraße 1, 10115 Berlin");
    expect(branchAddress({ street: null, postalCode: null, city: "Köln" })).toBe("Köln");
    expect(branchAddress({ street: " Ring 2 ", postalCode: "", city: null })).toBe("Ring 2");
    expect(branchAddress({ street: null, postalCode: null, city: null })).toBeNull();
  });
});

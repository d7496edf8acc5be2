/**
 * npm run demo:call — plays a whole phone booking against the running app, the way Retell
 * would: signed call_started, signed custom-function calls (collect data, check availability,
 * book), then signed call_ended and call_analyzed. Prints the conversation.
 *
 * Runs against APP_URL (default http://localhost:3000) with the demo company's Retell key
 * (DEMO_RETELL_API_KEY, default demo-retell-key) and number +49301234567: start the app
 * first with `npm run dev`.
 */
import { randomInt } from "node:crypto";
import { RETELL_SIGNATURE_HEADER, signRetell } from "@/server/integrations/retell/signature";

const APP_URL = (process.env.APP_URL ?? "http://localhost:3000").replace(/\/+$/, "");
const API_KEY = process.env.DEMO_RETELL_API_KEY ?? "demo-retell-key";
const OUR_NUMBER = "+49301234567";

const callId = `call_demo_${Date.now().toString(36)}`;
const caller = `+49176${String(randomInt(10_000_000, 99_999_999))}`;
const call = { call_id: callId, call_type: "phone_call", direction: "inbound", agent_id: "agent_demo_empfang", agent_version: 1, from_number: caller, to_number: OUR_NUMBER };

interface Answer {
  success: boolean;
  message: string;
  available?: boolean;
  freie_zeiten?: string[];
  datum?: string;
  uhrzeit?: string;
  termin?: { id: string; datum: string; uhrzeit: string; dienstleistung: string; mitarbeiter: string };
}

async function post(path: string, body: unknown): Promise<unknown> {
  const raw = JSON.stringify(body);
  let response: Response;
  try {
    response = await fetch(`${APP_URL}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", [RETELL_SIGNATURE_HEADER]: signRetell(raw, API_KEY, Date.now()) },
      body: raw,
    });
  } catch {
    throw new Error(`${APP_URL} ist nicht erreichbar. Läuft die App (npm run dev)?`);
  }
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const hint = response.status === 401 ? " (stimmt DEMO_RETELL_API_KEY mit dem Schlüssel der Demo-Firma überein?)" : "";
    throw new Error(`${path} antwortete ${response.status}: ${JSON.stringify(answer)}${hint}`);
  }
  return answer;
}

const transcript: string[] = [];

function line(who: "Agent" | "User", text: string): void {
  transcript.push(`${who}: ${text}`);
  console.log(`${who === "Agent" ? "Assistenz" : "Anrufer  "}  ${text}`);
}

async function tool(name: string, args: Record<string, unknown>): Promise<Answer> {
  console.log(`             ↳ ${name} ${JSON.stringify(args)}`);
  const answer = (await post("/api/mcp/retell/custom-function", { name, call, args })) as Answer;
  line("Agent", answer.message);
  return answer;
}

async function webhook(event: string, extra: Record<string, unknown> = {}): Promise<void> {
  const { status } = (await post("/api/mcp/retell/webhook", { event, call: { ...call, ...extra } })) as { status: string };
  console.log(`             ↳ Webhook ${event}: ${status}`);
}

async function main(): Promise<void> {
  const started = Date.now();

  console.log(`Demo-Anruf ${callId} von ${caller} an ${OUR_NUMBER} (${APP_URL})\n`);
  await webhook("call_started", { call_status: "ongoing", start_timestamp: started });
  line("Agent", "Salon Schönschnitt, guten Tag! Wie kann ich Ihnen helfen?");
  line("User", "Ich hätte gern einen Herrenhaarschnitt, nächsten Dienstag um drei.");
  await tool("collect_appointment_data", { datum: "nächsten Dienstag", uhrzeit: "um drei", dienstleistung: "Herrenhaarschnitt" });
  line("User", "Max Mustermann, und Sie können mich unter dieser Nummer erreichen.");
  await tool("collect_appointment_data", { name: "Max Mustermann", telefonnummer: caller });

  let { datum, uhrzeit } = { datum: "nächsten Dienstag", uhrzeit: "um drei" };
  const check = await tool("check_availability", { datum, uhrzeit, dienstleistung: "Herrenhaarschnitt" });
  if (!check.available) {
    const alternative = check.freie_zeiten?.[0];
    if (alternative) {
      uhrzeit = alternative;
      line("User", `Dann nehme ich ${alternative} Uhr.`);
    } else {
      const next = await tool("find_next_slot", { dienstleistung: "Herrenhaarschnitt" });
      if (!next.datum || !next.uhrzeit) throw new Error("Kein freier Termin gefunden.");
      ({ datum, uhrzeit } = { datum: next.datum, uhrzeit: next.uhrzeit });
      line("User", "Gut, den nehme ich.");
    }
  } else {
    line("User", "Prima, bitte buchen Sie das.");
  }
  const booked = await tool("book_appointment", { datum, uhrzeit });
  if (!booked.success || !booked.termin) throw new Error(`Die Buchung hat nicht geklappt: ${booked.message}`);
  line("User", "Vielen Dank, auf Wiederhören!");
  line("Agent", "Gern, bis bald!");

  const ended = Date.now();
  await webhook("call_ended", {
    call_status: "ended",
    start_timestamp: started,
    end_timestamp: ended,
    duration_ms: ended - started,
    disconnection_reason: "user_hangup",
    transcript: transcript.join("\n"),
  });
  await webhook("call_analyzed", {
    call_status: "ended",
    call_analysis: {
      call_summary: `Max Mustermann hat einen Herrenhaarschnitt am ${booked.termin.datum} um ${booked.termin.uhrzeit} Uhr gebucht.`,
      user_sentiment: "Positive",
      call_successful: true,
      in_voicemail: false,
    },
  });

  const { datum: d, uhrzeit: t, dienstleistung, mitarbeiter } = booked.termin;
  console.log(`\nGebucht: ${dienstleistung} am ${d} um ${t} Uhr bei ${mitarbeiter} (Termin ${booked.termin.id}).`);
  console.log(`Im Dashboard: ${APP_URL}/termine und der Anruf unter ${APP_URL}/anrufe (Login admin@salon-demo.de).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

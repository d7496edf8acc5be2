/**
 * Phone calls of the demo company over the last two weeks, as Retell's webhooks would have
 * stored them: numbers, times, transcript with speaker turns, summary, sentiment, outcome.
 * Calls that booked are linked both ways to the seeded appointment they produced.
 */
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import { spokenDateTime } from "@/server/services/appointments/wording";
import { addDaysLocal } from "@/server/scheduling/local-date";
import { formatGermanDate, formatGermanTime, instantToLocal, zonedDateTimeToInstant } from "@/server/scheduling/time";
import { DEMO_PHONE_NUMBER } from "./demo";

type Turn = { role: "agent" | "user"; content: string };
type Outcome = "booked" | "changed" | "cancelled" | "info" | "follow_up" | "none";

/** What a booking call needs to say about its appointment. */
interface Booked {
  when: string;
  staff: string;
  service: string;
}

interface DemoCall {
  daysAgo: number;
  time: string;
  seconds: number;
  caller: string;
  outcome: Outcome;
  sentiment: "Positive" | "Neutral" | "Negative";
  successful: boolean;
  summary: string;
  /** The seeded appointment the call booked: the caller's, of this service (and staff member). */
  booked?: { service: string; staff?: string };
  turns: (booked?: Booked) => Turn[];
}

const GREETING: Turn = { role: "agent", content: "Salon Schönschnitt, guten Tag! Hier ist der digitale Empfang. Wie kann ich Ihnen helfen?" };
const agent = (content: string): Turn => ({ role: "agent", content });
const user = (content: string): Turn => ({ role: "user", content });

/** Ten calls on the 13 days before today (none today, so "Anrufe heute" starts at zero). */
export const DEMO_CALLS: readonly DemoCall[] = [
  {
    daysAgo: 13,
    time: "09:12",
    seconds: 65,
    caller: "+4917112345670",
    outcome: "info",
    sentiment: "Positive",
    successful: true,
    summary: "Maria Müller fragte nach den Öffnungszeiten am Samstag. Auskunft: 9 bis 14 Uhr.",
    turns: () => [
      GREETING,
      user("Hallo, haben Sie am Samstag geöffnet?"),
      agent("Ja, am Samstag sind wir von 9 bis 14 Uhr für Sie da."),
      user("Super, danke. Dann melde ich mich nochmal."),
      agent("Sehr gern. Einen schönen Tag noch!"),
    ],
  },
  {
    daysAgo: 11,
    time: "10:40",
    seconds: 142,
    caller: "+4917655544433",
    outcome: "booked",
    sentiment: "Positive",
    successful: true,
    summary: "Michael Weber buchte einen Herrenhaarschnitt.",
    booked: { service: "Herrenhaarschnitt" },
    turns: (b) => [
      GREETING,
      user("Guten Morgen, ich bräuchte einen Herrenhaarschnitt, gern nächste Woche zur Mittagszeit."),
      agent(`Gern. Ich hätte ${b?.when} bei ${b?.staff}. Passt Ihnen das?`),
      user("Ja, perfekt."),
      agent("Darf ich noch Ihren Namen haben?"),
      user("Michael Weber."),
      agent(`Danke, Herr Weber. Ihr Termin für ${b?.service} am ${b?.when} ist gebucht.`),
    ],
  },
  {
    daysAgo: 10,
    time: "16:20",
    seconds: 118,
    caller: "+4915700011122",
    outcome: "follow_up",
    sentiment: "Neutral",
    successful: false,
    summary: "Eine Anruferin wollte am Samstagvormittag färben lassen; es war nichts frei. Sie bittet um Rückruf, sobald ein Termin frei wird.",
    turns: () => [
      GREETING,
      user("Ich möchte meine Haare färben lassen, am liebsten am Samstagvormittag."),
      agent("Am Samstagvormittag ist für Färben leider nichts mehr frei. Möglich wäre Montag um 11 Uhr."),
      user("Montag geht bei mir nicht. Können Sie mich zurückrufen, wenn am Samstag etwas frei wird?"),
      agent("Das notiere ich gern. Wir melden uns unter dieser Nummer bei Ihnen."),
    ],
  },
  {
    daysAgo: 9,
    time: "11:05",
    seconds: 156,
    caller: "+4930987654321",
    outcome: "booked",
    sentiment: "Positive",
    successful: true,
    summary: "Julia Meyer buchte einen Termin zum Färben.",
    booked: { service: "Färben" },
    turns: (b) => [
      GREETING,
      user("Hallo, Meyer hier. Ich hätte gern einen Termin zum Färben."),
      agent(`Gern, Frau Meyer. Frei wäre ${b?.when} bei ${b?.staff}.`),
      user("Das nehme ich."),
      agent(`Wunderbar. Ihr Termin für ${b?.service} am ${b?.when} ist gebucht. Sie bekommen gleich eine Bestätigung.`),
      user("Danke schön!"),
    ],
  },
  {
    daysAgo: 8,
    time: "14:30",
    seconds: 48,
    caller: "+4916098765400",
    outcome: "info",
    sentiment: "Positive",
    successful: true,
    summary: "Frage nach Parkmöglichkeiten an der Friedrichstraße. Auskunft: kostenlose Parkplätze im Hof.",
    turns: () => [
      GREETING,
      user("Kann man bei Ihnen in der Friedrichstraße irgendwo parken?"),
      agent("Ja, kostenlose Parkplätze gibt es im Hof, die Einfahrt ist über die Friedrichstraße 120."),
      user("Prima, danke."),
    ],
  },
  {
    daysAgo: 6,
    time: "09:45",
    seconds: 24,
    caller: "+4917011122233",
    outcome: "none",
    sentiment: "Negative",
    successful: false,
    summary: "Stefan Wolf legte nach der Begrüßung auf, ohne ein Anliegen zu nennen.",
    turns: () => [GREETING, user("Ach, ein Computer … nein danke.")],
  },
  {
    daysAgo: 5,
    time: "12:10",
    seconds: 131,
    caller: "+4915198765432",
    outcome: "booked",
    sentiment: "Positive",
    successful: true,
    summary: "Thomas Schneider buchte einen Herrenhaarschnitt.",
    booked: { service: "Herrenhaarschnitt" },
    turns: (b) => [
      GREETING,
      user("Schneider, ich brauche mal wieder einen Haarschnitt. Geht es bei Jonas?"),
      agent(`Bei ${b?.staff} hätte ich ${b?.when} frei.`),
      user("Ja, das passt."),
      agent(`Ihr Termin für ${b?.service} am ${b?.when} bei ${b?.staff} ist gebucht.`),
    ],
  },
  {
    daysAgo: 4,
    time: "17:30",
    seconds: 174,
    caller: "+4916012312312",
    outcome: "booked",
    sentiment: "Positive",
    successful: true,
    summary: "Sabine Fischer buchte einen Termin zum Färben in Prenzlauer Berg.",
    booked: { service: "Färben", staff: "Sophie Hoffmann" },
    turns: (b) => [
      GREETING,
      user("Hallo, Fischer. Ich möchte in der Kastanienallee einen Termin zum Färben."),
      agent(`Gern. In Prenzlauer Berg hätte ich ${b?.when} bei ${b?.staff}.`),
      user("Wie lange dauert das ungefähr?"),
      agent("Färben dauert etwa anderthalb Stunden."),
      user("Gut, dann buchen Sie das bitte."),
      agent(`Erledigt: ${b?.service} am ${b?.when} bei ${b?.staff}.`),
    ],
  },
  {
    daysAgo: 3,
    time: "10:15",
    seconds: 137,
    caller: "+4917112345670",
    outcome: "booked",
    sentiment: "Positive",
    successful: true,
    summary: "Maria Müller buchte einen Damenhaarschnitt.",
    booked: { service: "Damenhaarschnitt" },
    turns: (b) => [
      GREETING,
      user("Hallo, Müller hier. Ich hätte gern einen Termin zum Schneiden."),
      agent(`Für einen Damenhaarschnitt hätte ich ${b?.when} bei ${b?.staff}. Passt das?`),
      user("Ja, sehr gut."),
      agent(`Ihr Termin für ${b?.service} am ${b?.when} ist gebucht. Bis dann, Frau Müller!`),
    ],
  },
  {
    daysAgo: 1,
    time: "18:05",
    seconds: 96,
    caller: "+4917298765432",
    outcome: "follow_up",
    sentiment: "Negative",
    successful: false,
    summary: "Ein Anrufer fragte nach Strähnchen, die der Salon nicht anbietet, und möchte zu Alternativen beraten werden. Rückruf erbeten.",
    turns: () => [
      GREETING,
      user("Machen Sie auch Strähnchen?"),
      agent("Strähnchen bieten wir leider nicht an. Möglich sind Damen- und Herrenhaarschnitte, Färben und Bartpflege."),
      user("Hm, schade. Kann mich jemand beraten, was stattdessen ginge?"),
      agent("Gern, ich gebe das weiter. Eine Kollegin ruft Sie zurück."),
    ],
  },
];

/** Retell's plain transcript: one "Agent:" or "User:" line per turn. */
export function transcriptText(turns: readonly Turn[]): string {
  return turns.map((t) => `${t.role === "agent" ? "Agent" : "User"}: ${t.content}`).join("\n");
}

/**
 * Stores DEMO_CALLS for the demo company (after seedDemo). `now` must be the `now` of seedDemo,
 * so each booking call finds the appointment it made. Returns the number of calls.
 */
export async function seedDemoCalls(prisma: PrismaClient, companyId: string, opts: { now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const company = await tx.company.findUniqueOrThrow({ where: { id: companyId }, select: { timeZone: true } });
    const tz = company.timeZone;
    const line = await tx.phoneNumber.findUniqueOrThrow({ where: { number: DEMO_PHONE_NUMBER }, select: { branchId: true } });
    const today = instantToLocal(now, tz).date;

    for (const [index, spec] of DEMO_CALLS.entries()) {
      const startedAt = zonedDateTimeToInstant(addDaysLocal(today, -spec.daysAgo), spec.time, tz);
      const customer = await tx.customer.findUnique({ where: { companyId_phone: { companyId, phone: spec.caller } }, select: { id: true, name: true } });
      const appointment = spec.booked
        ? await tx.appointment.findFirstOrThrow({
            where: {
              companyId,
              customer: { phone: spec.caller },
              service: { name: spec.booked.service },
              source: "phone",
              ...(spec.booked.staff ? { staff: { name: spec.booked.staff } } : {}),
            },
            orderBy: { startsAt: "asc" },
            include: { staff: { select: { name: true } }, service: { select: { id: true, name: true } }, branch: { select: { timeZone: true } } },
          })
        : null;
      const booked = appointment
        ? { when: spokenDateTime(appointment.startsAt, appointment.branch.timeZone), staff: appointment.staff?.name ?? "uns", service: appointment.service.name }
        : undefined;
      const turns = spec.turns(booked);
      const retellCallId = `call_seed_${String(index + 1).padStart(2, "0")}`;
      const collectedData: Prisma.InputJsonValue | undefined =
        appointment && customer
          ? {
              fields: {
                name: customer.name ?? "",
                telefonnummer: spec.caller,
                dienstleistung: appointment.service.name,
                datum: formatGermanDate(appointment.startsAt, tz),
                uhrzeit: formatGermanTime(appointment.startsAt, tz),
              },
            }
          : undefined;

      await tx.call.create({
        data: {
          companyId,
          branchId: line.branchId,
          retellCallId,
          agentId: "agent_demo_empfang",
          agentVersion: 1,
          direction: "inbound",
          fromNumber: spec.caller,
          toNumber: DEMO_PHONE_NUMBER,
          status: "ended",
          startedAt,
          endedAt: new Date(startedAt.getTime() + spec.seconds * 1000),
          durationMs: spec.seconds * 1000,
          disconnectionReason: spec.outcome === "none" ? "user_hangup" : "agent_hangup",
          transcript: transcriptText(turns),
          transcriptObject: turns,
          summary: spec.summary,
          sentiment: spec.sentiment,
          successful: spec.successful,
          analysis: { call_summary: spec.summary, user_sentiment: spec.sentiment, call_successful: spec.successful, in_voicemail: false },
          collectedData,
          outcome: spec.outcome,
          customerId: customer?.id ?? null,
          appointmentId: appointment?.id ?? null,
          // Stored when the call came in, like calls recorded by the webhook.
          createdAt: startedAt,
        },
      });
      if (appointment) await tx.appointment.update({ where: { id: appointment.id }, data: { retellCallId } });
    }
    return DEMO_CALLS.length;
  }, { timeout: 60_000 });
}

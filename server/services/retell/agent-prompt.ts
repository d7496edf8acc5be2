/**
 * The prompt of the company's Retell agent, written from the company's own data: its name,
 * services with duration and price, branches with address and opening hours (breaks included),
 * Retell's date and time variables for Berlin, the fixed rules every call follows, and last the
 * company's own instructions (the latest AgentPromptVersion).
 */
import { parseBusinessHours } from "@/server/calendar/schedules";
import type { ServiceContext } from "@/server/core/types";
import type { BusinessHours, LocalTimeRange } from "@/server/scheduling/slot-types";
import { germanWeekdayName } from "@/server/scheduling/time";
import type { Weekday } from "@/server/scheduling/local-date";
import { describeOpeningHours, formatEuro } from "@/server/services/knowledge/opening-hours";

/** The read-back rule, word for word as the prompt carries it. */
export const READ_BACK_RULE =
  "Lies dem Anrufer vor dem Buchen den gesammelten Termin vollständig vor (Dienstleistung, Datum, Uhrzeit und Name) und frage, ob alles stimmt. Buche erst, wenn der Anrufer ausdrücklich mit „ja“ bestätigt hat.";

export const NO_GUESSING_RULE =
  "Erfinde oder errate nie eine freie Uhrzeit. Nenne nur Zeiten, die dir ein Werkzeug in diesem Gespräch als frei genannt hat.";

const FAILURE_WITH_TRANSFER =
  "Wenn ein Werkzeug fehlschlägt oder keine brauchbare Antwort liefert, entschuldige dich kurz und biete an, den Anruf an einen Mitarbeiter weiterzuleiten (transfer_call) oder eine Nachricht für einen Rückruf aufzunehmen (Name, Rückrufnummer und Anliegen).";
const FAILURE_WITHOUT_TRANSFER =
  "Wenn ein Werkzeug fehlschlägt oder keine brauchbare Antwort liefert, entschuldige dich kurz und biete an, eine Nachricht für einen Rückruf aufzunehmen (Name, Rückrufnummer und Anliegen).";

/** Retell fills these in per call (Berlin forms: the plain ones follow Los Angeles). */
export const TIME_VARIABLES = ["{{current_time_Europe/Berlin}}", "{{current_calendar_Europe/Berlin}}", "{{user_number}}"] as const;

export interface PromptFacts {
  companyName: string;
  services: Array<{ name: string; durationMinutes: number; priceCents: number | null; description: string | null; branchName: string | null }>;
  branches: Array<{ name: string; street: string | null; postalCode: string | null; city: string | null; phone: string | null; hours: BusinessHours }>;
  /** The company's own instructions (latest version), if any. */
  instructions: string | null;
  /** Names of the agent's tools (rules mention only tools it has). */
  tools: readonly string[];
}

/** What the agent says first when it picks up. */
export function beginMessage(companyName: string): string {
  return `${companyName}, guten Tag! Wie kann ich Ihnen helfen?`;
}

export function buildAgentPrompt(facts: PromptFacts): string {
  const sections = [
    section(
      "Rolle",
      `Du bist die freundliche Telefonassistenz von ${facts.companyName}. Du sprichst Deutsch, siezt die Anrufer und antwortest kurz und natürlich, wie am Telefon. Du vergibst, verschiebst und stornierst Termine und beantwortest Fragen zum Betrieb.`,
    ),
    section(
      "Datum und Uhrzeit",
      [
        "Jetzt ist es {{current_time_Europe/Berlin}} (Zeitzone Europe/Berlin).",
        "Kalender der nächsten Tage: {{current_calendar_Europe/Berlin}}",
        "Rechne Angaben wie „morgen“ oder „nächsten Dienstag“ immer von diesem Datum aus. Die Nummer des Anrufers ist {{user_number}}.",
      ].join("\n"),
    ),
    section("Dienstleistungen", facts.services.length === 0 ? "Es sind keine Dienstleistungen hinterlegt." : facts.services.map(serviceLine).join("\n")),
    section("Standorte und Öffnungszeiten", facts.branches.length === 0 ? "Es sind keine Standorte hinterlegt." : facts.branches.map(branchBlock).join("\n\n")),
    section(
      "Regeln",
      [
        READ_BACK_RULE,
        NO_GUESSING_RULE,
        ...toolRules(facts.tools),
        facts.tools.includes("transfer_call") ? FAILURE_WITH_TRANSFER : FAILURE_WITHOUT_TRANSFER,
        "Verabschiede dich am Ende höflich und beende das Gespräch dann mit end_call.",
      ]
        .map((rule) => `- ${rule}`)
        .join("\n"),
    ),
  ];
  const instructions = facts.instructions?.trim();
  if (instructions) sections.push(section("Zusätzliche Anweisungen des Betriebs", instructions));
  return sections.join("\n\n");
}

/** Reads what the prompt is written from. */
export async function loadPromptFacts(ctx: ServiceContext, tools: readonly string[]): Promise<PromptFacts> {
  const [company, branches, services, latest] = await Promise.all([
    ctx.db.company.findUniqueOrThrow({ where: { id: ctx.companyId }, select: { name: true } }),
    ctx.db.branch.findMany({
      where: { companyId: ctx.companyId, isActive: true },
      select: { name: true, street: true, postalCode: true, city: true, phone: true, businessHours: true },
      orderBy: { createdAt: "asc" },
    }),
    ctx.db.service.findMany({
      where: { companyId: ctx.companyId, isActive: true },
      select: { name: true, durationMinutes: true, priceCents: true, description: true, branch: { select: { name: true } } },
      orderBy: { name: "asc" },
    }),
    latestInstructions(ctx),
  ]);
  return {
    companyName: company.name,
    services: services.map((s) => ({ ...s, branchName: s.branch?.name ?? null })),
    branches: branches.map((b) => ({ ...b, hours: parseBusinessHours(b.businessHours) })),
    instructions: latest?.instructions ?? null,
    tools,
  };
}

export function latestInstructions(ctx: ServiceContext) {
  return ctx.db.agentPromptVersion.findFirst({ where: { companyId: ctx.companyId }, orderBy: { version: "desc" } });
}

function toolRules(tools: readonly string[]): string[] {
  const has = (name: string) => tools.includes(name);
  const finders = ["check_availability", "find_next_slot"].filter(has);
  const rules: string[] = [];
  if (finders.length > 0) rules.push(`Frage freie Zeiten immer mit ${finders.join(" oder ")} ab.`);
  if (has("book_appointment")) rules.push("Sage nie, dass ein Termin gebucht ist, bevor book_appointment die Buchung bestätigt hat.");
  return rules;
}

function section(title: string, body: string): string {
  return `## ${title}\n${body}`;
}

/** "- Damenhaarschnitt: etwa 45 Minuten, 49 Euro (Waschen, Schneiden, Föhnen)" */
function serviceLine(s: PromptFacts["services"][number]): string {
  const facts = [`etwa ${s.durationMinutes} Minuten`, s.priceCents === null ? "Preis auf Anfrage" : formatEuro(s.priceCents)];
  const note = [s.description, s.branchName ? `nur in ${s.branchName}` : null].filter(Boolean).join("; ");
  return `- ${s.name}: ${facts.join(", ")}${note ? ` (${note})` : ""}`;
}

function branchBlock(b: PromptFacts["branches"][number]): string {
  const place = [b.postalCode, b.city].filter(Boolean).join(" ");
  const address = [b.street, place].filter(Boolean).join(", ");
  const hasHours = Object.values(b.hours.weekly).some((i) => (i?.length ?? 0) > 0);
  const lines = [
    `### ${b.name}`,
    `Adresse: ${address || "nicht hinterlegt"}`,
    `Öffnungszeiten: ${hasHours ? describeOpeningHours(b.hours) : "nicht hinterlegt"}`,
  ];
  const breaks = describeBreaks(b.hours.breaks ?? {});
  if (breaks) lines.push(`Pausen (keine Termine): ${breaks}`);
  if (b.phone) lines.push(`Telefon: ${b.phone}`);
  return lines.join("\n");
}

const WEEK_ORDER: Weekday[] = [1, 2, 3, 4, 5, 6, 0];

/** "Montag bis Freitag 13:00 bis 13:30 Uhr"; days without a break are left out. */
export function describeBreaks(breaks: Partial<Record<Weekday, readonly LocalTimeRange[]>>): string {
  const groups: Array<{ from: Weekday; to: Weekday; text: string }> = [];
  let previous: Weekday | null = null;
  for (const day of WEEK_ORDER) {
    const ranges = breaks[day] ?? [];
    if (ranges.length === 0) {
      previous = null;
      continue;
    }
    const text = `${ranges.map((r) => `${r.start} bis ${r.end}`).join(" und ")} Uhr`;
    const last = groups.at(-1);
    if (last && previous !== null && last.to === previous && last.text === text) last.to = day;
    else groups.push({ from: day, to: day, text });
    previous = day;
  }
  return groups
    .map((g) => `${g.from === g.to ? germanWeekdayName(g.from) : `${germanWeekdayName(g.from)} bis ${germanWeekdayName(g.to)}`} ${g.text}`)
    .join(", ");
}

/**
 * Arguments as the agent passes them: German field names (English aliases accepted), dates
 * and times as the caller said them, services by their spoken name.
 */
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { companyData } from "@/server/calendar/company-data";
import { searchTokens } from "@/server/services/knowledge/search-index";
import { parseGermanDate } from "@/server/scheduling/german-datetime";
import type { LocalDate } from "@/server/scheduling/local-date";
import { tryNormalizePhone } from "@/server/scheduling/phone";
import type { FunctionContext } from "./function-context";

const ALIASES: Record<string, string> = {
  date: "datum", tag: "datum",
  time: "uhrzeit", zeit: "uhrzeit",
  customer_name: "name", kundenname: "name", kunde: "name",
  phone: "telefonnummer", telefon: "telefonnummer", rufnummer: "telefonnummer", customer_phone: "telefonnummer", phone_number: "telefonnummer",
  service: "dienstleistung", leistung: "dienstleistung",
  e_mail: "email", mail: "email",
  staff: "mitarbeiter_wunsch", mitarbeiter: "mitarbeiter_wunsch", preferred_staff: "mitarbeiter_wunsch",
  notes: "notizen", notiz: "notizen", bemerkung: "notizen",
  question: "frage", query: "frage",
  appointment_id: "termin_id",
  new_date: "neues_datum", new_time: "neue_uhrzeit",
  reason: "grund",
  old_date: "altes_datum",
  services: "dienstleistungen",
};

/**
 * What a caller says in one answer is short; anything longer is refused before it reaches the
 * parsers, which then never see more than this much text per field.
 */
export const MAX_SPOKEN_CHARS = 500;

/** Canonical German keys, string values, blanks dropped; an over-long value is refused (4005). */
export function normalizeArgs(args: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [rawKey, value] of Object.entries(args)) {
    const text = Array.isArray(value) ? value.join(", ") : typeof value === "string" || typeof value === "number" ? String(value) : "";
    if (text.length > MAX_SPOKEN_CHARS) {
      throw new AppError(ErrorCodes.INVALID_INPUT, "Diese Angabe ist zu lang. Bitte nennen Sie sie kürzer.");
    }
    const key = ALIASES[rawKey.toLowerCase()] ?? rawKey.toLowerCase();
    if (text.trim()) out[key] = text.trim();
  }
  return out;
}

export interface ResolvedService {
  id: string;
  name: string;
  durationMinutes: number;
  bufferMinutes: number;
}

/** The company's service the caller means ("Herrenschnitt" → Herrenhaarschnitt); asks back when unclear. */
export async function resolveService(db: PrismaClient, companyId: string, branchId: string, spoken: string): Promise<ResolvedService> {
  const data = await companyData(db, companyId);
  const services = (data?.services ?? []).filter((s) => s.branchId === null || s.branchId === branchId);
  const wanted = searchTokens(spoken);
  const scored = services
    .map((s) => ({ s, score: matchScore(wanted, s.name) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score);
  if (scored.length === 0) {
    throw new AppError(ErrorCodes.SERVICE_NOT_MAPPED, `Das bieten wir leider nicht an. Möglich sind: ${services.map((s) => s.name).join(", ")}.`);
  }
  const best = scored.filter((x) => x.score === scored[0].score);
  if (best.length > 1) {
    throw new AppError(ErrorCodes.SERVICE_NOT_MAPPED, `Meinen Sie ${best.map((x) => x.s.name).join(" oder ")}?`);
  }
  const { id, name, durationMinutes, bufferMinutes } = best[0].s;
  return { id, name, durationMinutes, bufferMinutes };
}

function matchScore(wanted: string[], serviceName: string): number {
  const name = searchTokens(serviceName);
  if (wanted.join(" ") === name.join(" ")) return 100;
  let score = 0;
  for (const w of wanted) {
    if (name.some((n) => sharedPrefix(w, n) >= 4 || (w.length >= 4 && n.includes(w)))) score += 1;
  }
  return score;
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** One day as the caller said it; "am Wochenende" and other spans are read in spoken-moment.ts. */
export function parseDay(fctx: FunctionContext, datum: string): LocalDate {
  const date = parseGermanDate(datum, fctx.now, fctx.branch.timeZone);
  const today = parseGermanDate("heute", fctx.now, fctx.branch.timeZone);
  if (date < today) throw new AppError(ErrorCodes.DATE_IN_PAST, "Dieses Datum liegt in der Vergangenheit.");
  return date;
}

/** The number to use for the caller: what they said, else the number they call from. */
export function callerPhone(fctx: FunctionContext, said: string | undefined): string {
  const source = said ?? fctx.callerNumber;
  const normalized = source ? tryNormalizePhone(source) : null;
  if (!normalized) {
    throw new AppError(ErrorCodes.INVALID_PHONE, said ? "Die Telefonnummer habe ich nicht verstanden." : "Unter welcher Telefonnummer ist der Termin gebucht?");
  }
  return normalized;
}

/** 45 → "45 Minuten", 60 → "1 Stunde", 135 → "2 Stunden und 15 Minuten" */
export function spokenDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h === 0 ? "" : h === 1 ? "1 Stunde" : `${h} Stunden`;
  const mins = m === 0 ? "" : `${m} Minuten`;
  return [hours, mins].filter(Boolean).join(" und ") || "0 Minuten";
}

const ANY_STAFF_WORDS = new Set(["egal", "beliebig", "beliebiger", "beliebige", "keine", "keiner", "niemand", "irgendwer", "irgendjemand"]);

/** The staff member the caller asks for, by (part of) the name; undefined when they have no preference. */
export async function resolveStaffWish(fctx: FunctionContext, spoken: string | undefined): Promise<string | undefined> {
  if (!spoken) return undefined;
  const wanted = searchTokens(spoken);
  if (wanted.length === 0 || wanted.some((w) => ANY_STAFF_WORDS.has(w))) return undefined;
  const staff = ((await companyData(fctx.ctx.db, fctx.ctx.companyId))?.staff ?? []).filter((s) => s.branchId === fctx.branch.id);
  const matches = staff.filter((s) => searchTokens(s.name).some((n) => wanted.some((w) => n === w || sharedPrefix(n, w) >= 4)));
  if (matches.length === 1) return matches[0].id;
  if (matches.length > 1) throw new AppError(ErrorCodes.INVALID_INPUT, `Meinen Sie ${matches.map((m) => m.name).join(" oder ")}?`);
  throw new AppError(ErrorCodes.NOT_FOUND, `${spoken} arbeitet leider nicht in dieser Filiale.`);
}

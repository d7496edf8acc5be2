/**
 * Facts answered from the live data rather than from copies in the knowledge base: opening
 * hours (branches.businessHours, with the coming special days and closures), prices and durations (services), addresses (branches).
 */
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { SearchHit } from "./schemas";
import { parseBusinessHours, parseSpecialDays } from "@/server/calendar/schedules";
import { instantToLocal } from "@/server/scheduling/time";
import { describeOpeningHours, describeSpecialDays, formatEuro } from "./opening-hours";
import type { Searchable } from "./search-index";

type LiveFact = Searchable & Pick<SearchHit, "source" | "id">;

const HOURS_WORDS = ["feiertag", "weihnachten", "silvester", "urlaub", "betriebsurlaub", "oeffnungszeiten", "geoeffnet", "oeffnen", "offen", "aufhaben", "zu", "geschlossen", "wann", "uhrzeiten", "wochenende", "samstag", "sonntag"];
const PRICE_WORDS = ["preis", "preise", "kosten", "kostet", "euro", "teuer", "guenstig", "bezahlen"];
const ADDRESS_WORDS = ["adresse", "wo", "anfahrt", "finden", "strasse", "liegt", "hinkommen"];

/** Special days told with the opening hours: those of the coming weeks. */
const SPECIAL_DAYS_AHEAD = 60;

export async function liveFacts(db: PrismaClient, companyId: string, branchId?: string, now: Date = new Date()): Promise<LiveFact[]> {
  const today = new Date(`${instantToLocal(now, "Europe/Berlin").date}T00:00:00Z`);
  const [branches, services] = await Promise.all([
    db.branch.findMany({
      where: { companyId, isActive: true, ...(branchId ? { id: branchId } : {}) },
      select: {
        id: true,
        name: true,
        street: true,
        postalCode: true,
        city: true,
        businessHours: true,
        timeZone: true,
        specialDays: {
          where: { date: { gte: today, lt: new Date(today.getTime() + SPECIAL_DAYS_AHEAD * 86_400_000) } },
          orderBy: { date: "asc" },
        },
      },
      orderBy: { createdAt: "asc" },
    }),
    db.service.findMany({
      where: { companyId, isActive: true, ...(branchId ? { OR: [{ branchId: null }, { branchId }] } : {}) },
      select: { id: true, name: true, priceCents: true, durationMinutes: true },
      orderBy: { name: "asc" },
    }),
  ]);
  const facts: LiveFact[] = [];
  for (const b of branches) {
    facts.push({
      source: "opening_hours",
      id: b.id,
      title: `Öffnungszeiten ${b.name}`,
      content: `${b.name} hat geöffnet: ${describeOpeningHours(parseBusinessHours(b.businessHours))}.${describeSpecialDays(parseSpecialDays(b.specialDays))}`,
      keywords: HOURS_WORDS,
    });
    if (b.street) {
      const place = [b.postalCode, b.city].filter(Boolean).join(" ");
      facts.push({
        source: "address",
        id: b.id,
        title: `Adresse ${b.name}`,
        content: `${b.name} finden Sie in der ${b.street}${place ? `, ${place}` : ""}.`,
        keywords: ADDRESS_WORDS,
      });
    }
  }
  const priced = services.filter((s) => s.priceCents !== null);
  for (const s of priced) {
    facts.push({
      source: "prices",
      id: s.id,
      title: `Preis ${s.name}`,
      content: `${s.name} kostet ${formatEuro(s.priceCents!)} und dauert etwa ${s.durationMinutes} Minuten.`,
      keywords: [...PRICE_WORDS, s.name],
    });
  }
  if (priced.length > 1) {
    facts.push({
      source: "prices",
      id: null,
      title: "Preise",
      content: `Unsere Preise: ${priced.map((s) => `${s.name} ${formatEuro(s.priceCents!)}`).join(", ")}.`,
      keywords: PRICE_WORDS,
    });
  }
  return facts;
}

import { AppError, ErrorCodes } from "@/server/core/errors";
import type { DashboardContext } from "./overview";

/** Dashboard sections with figures from the database, and who may see them. */
export const SECTION_ACCESS = {
  termine: "staff",
  anrufe: "staff",
  wissen: "staff",
  warteschlange: "staff",
  funktionen: "admin",
  agenten: "admin",
  "api-tokens": "admin",
} as const;

export type SectionKey = keyof typeof SECTION_ACCESS;
export const SECTION_KEYS = Object.keys(SECTION_ACCESS) as [SectionKey, ...SectionKey[]];

/** The main figure first (zero means the section is empty), a secondary one second. */
export interface SectionFigures {
  primary: number;
  secondary: number;
}

type Counter = (ctx: DashboardContext) => Promise<SectionFigures>;

const counters: Record<SectionKey, Counter> = {
  async termine({ db, companyId, now }) {
    const at = now();
    const [upcoming, past] = await Promise.all([
      db.appointment.count({ where: { companyId, status: "scheduled", startsAt: { gte: at } } }),
      db.appointment.count({ where: { companyId, startsAt: { lt: at } } }),
    ]);
    return { primary: upcoming, secondary: past };
  },
  async anrufe({ db, companyId }) {
    const [total, successful] = await Promise.all([
      db.call.count({ where: { companyId } }),
      db.call.count({ where: { companyId, successful: true } }),
    ]);
    return { primary: total, secondary: successful };
  },
  async wissen({ db, companyId }) {
    const [active, inactive] = await Promise.all([
      db.knowledgeEntry.count({ where: { companyId, isActive: true } }),
      db.knowledgeEntry.count({ where: { companyId, isActive: false } }),
    ]);
    return { primary: active, secondary: inactive };
  },
  async warteschlange({ db, companyId }) {
    const [waiting, failed] = await Promise.all([
      db.outboxJob.count({ where: { companyId, state: { in: ["pending", "processing"] } } }),
      db.outboxJob.count({ where: { companyId, state: "failed" } }),
    ]);
    return { primary: waiting, secondary: failed };
  },
  async funktionen({ db, companyId }) {
    const [own, enabled] = await Promise.all([
      db.retellCustomFunction.count({ where: { companyId } }),
      db.retellCustomFunction.count({ where: { companyId, isEnabled: true } }),
    ]);
    return { primary: own, secondary: enabled };
  },
  async agenten({ db, companyId }) {
    const [numbers, withAgent] = await Promise.all([
      db.phoneNumber.count({ where: { companyId, isActive: true } }),
      db.phoneNumber.count({ where: { companyId, isActive: true, retellAgentId: { not: null } } }),
    ]);
    return { primary: numbers, secondary: withAgent };
  },
  async "api-tokens"({ db, companyId }) {
    const [active, revoked] = await Promise.all([
      db.apiToken.count({ where: { companyId, revokedAt: null } }),
      db.apiToken.count({ where: { companyId, revokedAt: { not: null } } }),
    ]);
    return { primary: active, secondary: revoked };
  },
};

/** Counts for one section page; admin sections refuse staff. */
export async function getSectionFigures(
  ctx: DashboardContext & { role: "admin" | "staff" },
  section: SectionKey,
): Promise<SectionFigures> {
  if (SECTION_ACCESS[section] === "admin" && ctx.role !== "admin") {
    throw new AppError(ErrorCodes.FORBIDDEN, "Keine Berechtigung für diesen Bereich.");
  }
  return counters[section](ctx);
}

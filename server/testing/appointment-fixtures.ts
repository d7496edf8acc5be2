/**
 * The demo company as test data for the appointments tests. FIXED_NOW is Wednesday
 * 11.03.2026, 10:00 in Berlin; the seed then holds, among others:
 *   Thu 12.03. 10:00 Anna (Damenhaarschnitt, Maria Müller +4917112345670)
 *   Thu 12.03. 11:00 Jonas (Herrenhaarschnitt, Thomas Schneider)
 *   Thu 12.03. 14:00 Leonie (Färben, Sabine Fischer)
 *   Tue 17.03. 16:00 Leonie (Damenhaarschnitt, Maria Müller)
 */
import type { Actor, ServiceContext } from "@/server/core/types";
import { FIXED_NOW, seededTestDb, testContext } from "@/server/testing/retell";
import { instantToLocal } from "@/server/scheduling/time";

export { FIXED_NOW };

export const RETELL: Actor = { type: "retell", id: null };
export const DASHBOARD: Actor = { type: "user", id: "user-1", role: "staff" };

export async function appointmentsFixture() {
  const db = await seededTestDb();
  const { prisma, companyId } = db;
  const branches = await prisma.branch.findMany({ where: { companyId }, orderBy: { createdAt: "asc" } });
  const services = await prisma.service.findMany({ where: { companyId } });
  const staff = await prisma.staff.findMany({ where: { companyId } });
  const byFirstName = Object.fromEntries(staff.map((s) => [s.name.split(" ")[0], s.id]));
  const serviceId = (name: string) => services.find((s) => s.name === name)!.id;
  return {
    db,
    prisma,
    companyId,
    mitte: branches[0].id,
    prenzlberg: branches[1].id,
    staff: byFirstName as Record<"Anna" | "Jonas" | "Leonie" | "Mehmet" | "Sophie", string>,
    serviceId,
    ctx(actor: Actor = RETELL, now: Date = FIXED_NOW): ServiceContext {
      return testContext(prisma, companyId, { actor, now });
    },
    /** The seeded appointment of a customer (by phone) at a Berlin local time "YYYY-MM-DDTHH:mm". */
    async appointmentAt(phone: string, local: string) {
      const rows = await prisma.appointment.findMany({ where: { companyId, customer: { phone } }, include: { branch: true } });
      const found = rows.find((a) => toBerlin(a.startsAt) === local);
      if (!found) throw new Error(`no appointment of ${phone} at ${local}`);
      return found;
    },
  };
}

function toBerlin(instant: Date): string {
  const { date, time } = instantToLocal(instant, "Europe/Berlin");
  return `${date}T${time}`;
}

export async function appError(promise: Promise<unknown>): Promise<{ code: number; message: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!error || typeof error !== "object" || !("code" in error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error as { code: number; message: string };
}

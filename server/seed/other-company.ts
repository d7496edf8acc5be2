import type { PrismaClient } from "@/server/generated/prisma/client";
import { instantToLocal, zonedDateTimeToInstant } from "@/server/scheduling/time";
import { addDaysLocal } from "@/server/scheduling/local-date";
import { withPasswordHashes } from "./demo-password-hash";
import { OTHER_DEMO_USERS } from "./logins";

/** The second demo company (README): shows that companies never see each other's data. */
export const OTHER_DEMO_COMPANY_SLUG = "physio-demo";

/** A small second company, "Physiotherapie am Park" in Hamburg, with one appointment. Returns its id. */
export async function seedOtherDemoCompany(prisma: PrismaClient, opts: { now?: Date } = {}): Promise<string> {
  const now = opts.now ?? new Date();
  const tz = "Europe/Berlin";
  const users = await withPasswordHashes(OTHER_DEMO_USERS);
  return prisma.$transaction(async (tx) => {
    const company = await tx.company.create({
      data: { slug: OTHER_DEMO_COMPANY_SLUG, name: "Physiotherapie am Park", timeZone: tz, settings: { slotIntervalMinutes: 30 } },
    });
    const branch = await tx.branch.create({
      data: {
        companyId: company.id,
        name: "Physiotherapie am Park",
        street: "Parkallee 3",
        postalCode: "20144",
        city: "Hamburg",
        state: "HH",
        timeZone: tz,
        businessHours: { weekly: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ open: "08:00", close: "17:00" }]])) },
      },
    });
    const service = await tx.service.create({ data: { companyId: company.id, name: "Krankengymnastik", durationMinutes: 30, bufferMinutes: 0 } });
    const staff = await tx.staff.create({
      data: {
        companyId: company.id,
        branchId: branch.id,
        name: "Eva Lind",
        workingHours: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: "08:00", end: "17:00" }]])),
        services: { create: [{ serviceId: service.id }] },
      },
    });
    const customer = await tx.customer.create({ data: { companyId: company.id, name: "Hanna Berg", phone: "+4940123456789" } });
    const startsAt = zonedDateTimeToInstant(addDaysLocal(instantToLocal(now, tz).date, 3), "10:00", tz);
    await tx.appointment.create({
      data: {
        companyId: company.id,
        branchId: branch.id,
        customerId: customer.id,
        serviceId: service.id,
        staffId: staff.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + service.durationMinutes * 60_000),
        source: "dashboard",
        externalUid: "local-seed-physio-1",
      },
    });
    await tx.calendarConnection.create({ data: { companyId: company.id, provider: "local" } });
    await tx.retellConfiguration.create({ data: { companyId: company.id } });
    for (const u of users) {
      await tx.user.create({ data: { companyId: company.id, email: u.email, name: u.name, role: u.role, passwordHash: u.passwordHash } });
    }
    return company.id;
  }, { timeout: 60_000 });
}

import { encryptSecret } from "@/server/platform/crypto";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { instantToLocal, zonedDateTimeToInstant } from "@/server/scheduling/time";
import { addDaysLocal, weekdayOfLocalDate } from "@/server/scheduling/local-date";
import { withPasswordHashes } from "./demo-password-hash";
import { DEMO_USERS } from "./logins";

export const DEMO_PHONE_NUMBER = "+49301234567";
export const DEMO_COMPANY_SLUG = "demo";

const TZ = "Europe/Berlin";
const weekdays = (from: string, to: string) => Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: from, end: to }]]));

const businessHours = {
  weekly: {
    1: [{ open: "09:00", close: "18:00" }],
    2: [{ open: "09:00", close: "18:00" }],
    3: [{ open: "09:00", close: "18:00" }],
    4: [{ open: "09:00", close: "20:00" }],
    5: [{ open: "09:00", close: "18:00" }],
    6: [{ open: "09:00", close: "14:00" }],
  },
  breaks: { 1: [{ start: "13:00", end: "13:30" }], 2: [{ start: "13:00", end: "13:30" }], 3: [{ start: "13:00", end: "13:30" }], 4: [{ start: "13:00", end: "13:30" }], 5: [{ start: "13:00", end: "13:30" }] },
};

/**
 * Creates the demo company "Salon Schönschnitt" with two Berlin branches, staff, services,
 * customers, upcoming appointments, the phone number +49301234567, an admin and a staff user.
 * `now` decides where the upcoming appointments land. Returns the company id.
 */
export async function seedDemo(prisma: PrismaClient, opts: { now?: Date; retellApiKey?: string } = {}): Promise<string> {
  const now = opts.now ?? new Date();
  const retellApiKey = opts.retellApiKey ?? process.env.DEMO_RETELL_API_KEY ?? "demo-retell-key";

  const users = await withPasswordHashes(DEMO_USERS);
  return prisma.$transaction(async (tx) => {
    const company = await tx.company.create({
      data: {
        slug: DEMO_COMPANY_SLUG,
        name: "Salon Schönschnitt",
        timeZone: TZ,
        settings: {
          slotIntervalMinutes: 15,
          minimumNoticeMinutes: 60,
          bookingWindowDays: 60,
          modificationCutoffHours: 24,
          refundPolicy: "Stornierungen bis 24 Stunden vorher sind kostenlos.",
          contactEmail: "kontakt@salon-demo.de",
        },
      },
    });
    // Sealed for this company's row: the ciphertext opens nowhere else.
    await tx.company.update({
      where: { id: company.id },
      data: { retellApiKeyEnc: encryptSecret(retellApiKey, { companyId: company.id, column: "companies.retellApiKeyEnc" }) },
    });
    const mitte = await tx.branch.create({
      data: { companyId: company.id, name: "Salon Schönschnitt Mitte", street: "Friedrichstraße 120", postalCode: "10117", city: "Berlin", state: "BE", phone: DEMO_PHONE_NUMBER, timeZone: TZ, businessHours },
    });
    const prenzlberg = await tx.branch.create({
      data: { companyId: company.id, name: "Salon Schönschnitt Prenzlauer Berg", street: "Kastanienallee 45", postalCode: "10435", city: "Berlin", state: "BE", phone: "+49304445566", timeZone: TZ, businessHours },
    });

    const services = {
      damen: await tx.service.create({ data: { companyId: company.id, name: "Damenhaarschnitt", durationMinutes: 45, bufferMinutes: 15, priceCents: 4900, description: "Waschen, Schneiden, Föhnen" } }),
      herren: await tx.service.create({ data: { companyId: company.id, name: "Herrenhaarschnitt", durationMinutes: 30, bufferMinutes: 10, priceCents: 2900 } }),
      faerben: await tx.service.create({ data: { companyId: company.id, name: "Färben", durationMinutes: 90, bufferMinutes: 15, priceCents: 7900, description: "Ansatz oder komplett, inkl. Pflege" } }),
      bart: await tx.service.create({ data: { companyId: company.id, name: "Bartpflege", durationMinutes: 20, bufferMinutes: 5, priceCents: 1900 } }),
    };

    const staffSpec = [
      { name: "Anna Becker", branch: mitte.id, hours: weekdays("09:00", "17:00"), offers: ["damen", "faerben"] },
      { name: "Jonas Wagner", branch: mitte.id, hours: { ...weekdays("10:00", "18:00"), 6: [{ start: "09:00", end: "14:00" }] }, offers: ["herren", "bart", "damen"] },
      { name: "Leonie Schmidt", branch: mitte.id, hours: { ...weekdays("12:00", "20:00") }, offers: ["damen", "herren", "faerben"] },
      { name: "Mehmet Yilmaz", branch: prenzlberg.id, hours: weekdays("09:00", "17:00"), offers: ["herren", "bart"] },
      { name: "Sophie Hoffmann", branch: prenzlberg.id, hours: { ...weekdays("10:00", "18:00"), 6: [{ start: "09:00", end: "14:00" }] }, offers: ["damen", "faerben", "herren"] },
    ] as const;
    const staff = [];
    for (const s of staffSpec) {
      const row = await tx.staff.create({
        data: {
          companyId: company.id,
          branchId: s.branch,
          name: s.name,
          workingHours: s.hours,
          services: { create: s.offers.map((key) => ({ serviceId: services[key].id })) },
        },
      });
      staff.push({ ...row, offers: s.offers });
    }

    const customerSpec = [
      ["Maria Müller", "+4917112345670"],
      ["Thomas Schneider", "+4915198765432"],
      ["Sabine Fischer", "+4916012312312"],
      ["Michael Weber", "+4917655544433"],
      ["Julia Meyer", "+4930987654321"],
      ["Stefan Wolf", "+4917011122233"],
    ] as const;
    const customers = [];
    for (const [name, phone] of customerSpec) {
      customers.push(await tx.customer.create({ data: { companyId: company.id, name, phone } }));
    }

    // Upcoming appointments on the next working days (Mon-Fri), plus a few from last week.
    const today = instantToLocal(now, TZ).date;
    const workdays: string[] = [];
    for (let d = 1; workdays.length < 6; d++) {
      const day = addDaysLocal(today, d);
      const wd = weekdayOfLocalDate(day);
      if (wd >= 1 && wd <= 5) workdays.push(day);
    }
    const plan: Array<[dayIdx: number, time: string, staffIdx: number, service: keyof typeof services, customerIdx: number]> = [
      [0, "10:00", 0, "damen", 0],
      [0, "11:00", 1, "herren", 1],
      [0, "14:00", 2, "faerben", 2],
      [1, "09:30", 0, "damen", 3],
      [1, "15:00", 1, "bart", 5],
      [2, "10:30", 3, "herren", 4],
      [3, "16:00", 2, "damen", 0],
      [4, "11:00", 4, "faerben", 2],
      [5, "09:00", 0, "faerben", 1],
    ];
    for (const [dayIdx, time, staffIdx, serviceKey, customerIdx] of plan) {
      const service = services[serviceKey];
      const s = staff[staffIdx];
      const startsAt = zonedDateTimeToInstant(workdays[dayIdx], time, TZ);
      await tx.appointment.create({
        data: {
          companyId: company.id,
          branchId: s.branchId,
          customerId: customers[customerIdx].id,
          serviceId: service.id,
          staffId: s.id,
          startsAt,
          endsAt: new Date(startsAt.getTime() + service.durationMinutes * 60_000),
          bufferMinutes: service.bufferMinutes,
          source: dayIdx % 2 === 0 ? "phone" : "dashboard",
          externalUid: `local-seed-${dayIdx}-${time}-${staffIdx}`,
        },
      });
    }
    for (const [daysAgo, time, staffIdx, serviceKey, customerIdx, status] of [
      [7, "10:00", 0, "damen", 1, "completed"],
      [6, "12:00", 1, "herren", 3, "completed"],
      [5, "15:00", 2, "faerben", 4, "no_show"],
    ] as const) {
      const service = services[serviceKey];
      const startsAt = zonedDateTimeToInstant(addDaysLocal(today, -daysAgo), time, TZ);
      await tx.appointment.create({
        data: {
          companyId: company.id,
          branchId: staff[staffIdx].branchId,
          customerId: customers[customerIdx].id,
          serviceId: service.id,
          staffId: staff[staffIdx].id,
          startsAt,
          endsAt: new Date(startsAt.getTime() + service.durationMinutes * 60_000),
          bufferMinutes: service.bufferMinutes,
          status,
          source: "phone",
          externalUid: `local-seed-past-${daysAgo}`,
        },
      });
    }

    await tx.phoneNumber.create({
      data: { companyId: company.id, branchId: mitte.id, number: DEMO_PHONE_NUMBER, label: "Hauptnummer Mitte", retellAgentId: "agent_demo_empfang", retellAgentVersion: 1 },
    });
    await tx.calendarConnection.create({ data: { companyId: company.id, provider: "local" } });
    await tx.retellConfiguration.create({ data: { companyId: company.id } });
    await tx.knowledgeEntry.createMany({
      data: [
        { companyId: company.id, category: "anfahrt", title: "Parken", content: "Kostenlose Parkplätze gibt es im Hof, Einfahrt über die Friedrichstraße 120.", keywords: ["parken", "parkplatz", "auto"], branchId: mitte.id },
        { companyId: company.id, category: "zahlung", title: "Zahlungsarten", content: "Sie können bar, mit EC-Karte oder mit Kreditkarte bezahlen.", keywords: ["zahlen", "karte", "bar", "bezahlen"] },
        { companyId: company.id, category: "allgemein", title: "Gutscheine", content: "Gutscheine erhalten Sie in beiden Filialen in jeder Höhe.", keywords: ["gutschein", "geschenk"] },
      ],
    });

    for (const u of users) {
      await tx.user.create({ data: { companyId: company.id, email: u.email, name: u.name, role: u.role, passwordHash: u.passwordHash } });
    }
    return company.id;
  }, { timeout: 60_000 });
}

/**
 * A company with known figures for the database server's tests: appointments around midnight
 * (Berlin and UTC disagree on their day), calls with and without a booking, a customer whose
 * notes need CSV quoting, and a stored secret in every place one can be kept.
 */
import type { PrismaClient } from "@/server/generated/prisma/client";
import { createApiToken } from "@/server/services/tokens";
import { createOtherCompany, type Tenant } from "./tenants";

/** Text that must never appear in an export: each stands for a stored secret. */
export const SECRET_MARKERS = {
  companyKey: "enc-company-retell-key-marker",
  retellWebhook: "enc-retell-webhook-secret-marker",
  calendarKey: "enc-calcom-key-marker",
  calendarWebhook: "enc-calcom-webhook-marker",
  smsCredentials: "enc-sms-credentials-marker",
  stripeKey: "enc-stripe-key-marker",
  stripeWebhook: "enc-stripe-webhook-marker",
  passwordHash: "$2a$10$password-hash-marker",
  resetHash: "reset-token-hash-marker",
  functionHeader: "enc-function-header-marker",
} as const;

/** Notes with the separator, quotes and a line break. */
export const TRICKY_NOTES = 'Mag "Kaffee"; schwarz\nkommt oft spät';

export interface StatisticsCompany extends Tenant {
  slug: string;
  staff: { anna: string; ben: string };
  services: { cut: string; colour: string };
  appointmentIds: string[];
  /** A second customer with TRICKY_NOTES. */
  trickyCustomerId: string;
  /** Token with `database:read` and one without any database grant. */
  databaseToken: string;
  customerOnlyToken: string;
}

/** Range the figures below are for: 08.03.2026 to 11.03.2026 (Berlin, CET = UTC+1). */
export const RANGE = { from: "2026-03-08", to: "2026-03-11" };

export async function seedStatisticsCompany(prisma: PrismaClient): Promise<StatisticsCompany> {
  const slug = "praxis-zahlen";
  const tenant = await createOtherCompany(prisma, { slug, name: "Praxis Zahlen", customerPhone: "+4915100000001" });
  const { companyId, branchId, customerId } = tenant;
  await prisma.company.update({ where: { id: companyId }, data: { retellApiKeyEnc: SECRET_MARKERS.companyKey } });

  const [anna, ben] = await Promise.all(
    ["Anna Acker", "Ben Berg"].map((name) => prisma.staff.create({ data: { companyId, branchId, name } })),
  );
  const cut = await prisma.service.create({ data: { companyId, name: "Haarschnitt", durationMinutes: 30 } });
  const colour = await prisma.service.create({ data: { companyId, name: "Färben", durationMinutes: 60 } });
  await prisma.staffService.createMany({
    data: [
      { staffId: anna.id, serviceId: cut.id },
      { staffId: anna.id, serviceId: colour.id },
      { staffId: ben.id, serviceId: cut.id },
    ],
  });
  const tricky = await prisma.customer.create({ data: { companyId, phone: "+4915100000002", name: "Dora; Dreher", notes: TRICKY_NOTES } });

  const appointment = (startsAt: string, status: "scheduled" | "completed" | "cancelled" | "no_show", staffId: string | null, serviceId: string) =>
    prisma.appointment.create({
      data: { companyId, branchId, customerId, serviceId, staffId, startsAt: new Date(startsAt), endsAt: new Date(new Date(startsAt).getTime() + 30 * 60_000), status },
      select: { id: true },
    });
  const appointments = [
    // Outside the range: 07.03. 23:59 Berlin (already 07.03. in UTC as well).
    await appointment("2026-03-07T22:59:00Z", "scheduled", anna.id, cut.id),
    // 09.03. 23:30 Berlin.
    await appointment("2026-03-09T22:30:00Z", "scheduled", anna.id, cut.id),
    // 10.03. 00:30 Berlin, still 09.03. in UTC.
    await appointment("2026-03-09T23:30:00Z", "completed", anna.id, colour.id),
    await appointment("2026-03-10T10:00:00Z", "cancelled", ben.id, cut.id),
    // 10.03. 23:59 Berlin, without a staff member.
    await appointment("2026-03-10T22:59:00Z", "no_show", null, cut.id),
    await appointment("2026-03-11T08:00:00Z", "scheduled", ben.id, cut.id),
    // Outside the range: 12.03. 00:30 Berlin, still 11.03. in UTC.
    await appointment("2026-03-11T23:30:00Z", "scheduled", ben.id, cut.id),
  ];

  const call = (retellCallId: string, data: { startedAt?: string; createdAt?: string; outcome?: string }) =>
    prisma.call.create({
      data: {
        companyId,
        retellCallId,
        outcome: data.outcome ?? null,
        startedAt: data.startedAt ? new Date(data.startedAt) : null,
        ...(data.createdAt ? { createdAt: new Date(data.createdAt) } : {}),
      },
    });
  await call("c-booked-1", { startedAt: "2026-03-09T10:00:00Z", createdAt: "2026-03-09T10:00:00Z", outcome: "booked" });
  await call("c-info", { startedAt: "2026-03-10T10:00:00Z", createdAt: "2026-03-10T10:00:00Z", outcome: "info" });
  // No start from Retell: counted on the day it arrived.
  await call("c-no-start", { createdAt: "2026-03-10T12:00:00Z" });
  // 11.03. 23:30 Berlin: inside the range.
  await call("c-booked-late", { startedAt: "2026-03-11T22:30:00Z", createdAt: "2026-03-11T22:30:00Z", outcome: "booked" });
  // 07.03. 23:00 Berlin: outside.
  await call("c-booked-before", { startedAt: "2026-03-07T22:00:00Z", createdAt: "2026-03-07T22:00:00Z", outcome: "booked" });

  await prisma.task.create({ data: { companyId, title: "Rückruf" } });
  await prisma.user.create({
    data: { companyId, email: "chefin@praxis-zahlen.de", name: "Chefin", role: "admin", passwordHash: SECRET_MARKERS.passwordHash, passwordResetTokenHash: SECRET_MARKERS.resetHash },
  });
  await prisma.retellConfiguration.create({ data: { companyId, webhookSecretEnc: SECRET_MARKERS.retellWebhook } });
  await prisma.calendarConnection.create({ data: { companyId, apiKeyEnc: SECRET_MARKERS.calendarKey, webhookSecretEnc: SECRET_MARKERS.calendarWebhook } });
  await prisma.messagingSettings.create({ data: { companyId, smsProvider: "twilio", smsCredentialsEnc: SECRET_MARKERS.smsCredentials } });
  await prisma.paymentSettings.create({ data: { companyId, stripeSecretKeyEnc: SECRET_MARKERS.stripeKey, stripeWebhookSecretEnc: SECRET_MARKERS.stripeWebhook } });
  await prisma.retellCustomFunction.create({
    data: { companyId, name: "lager_pruefen", type: "external_api", url: "https://example.org/lager", headers: { Authorization: SECRET_MARKERS.functionHeader }, parameterSchema: {} },
  });

  const databaseToken = (await createApiToken(prisma, { companyId, name: "Export", allowedServers: ["database:read", "config:database"] })).token;
  const customerOnlyToken = (await createApiToken(prisma, { companyId, name: "Kunden", allowedServers: ["customer"] })).token;

  return {
    ...tenant,
    slug,
    staff: { anna: anna.id, ben: ben.id },
    services: { cut: cut.id, colour: colour.id },
    appointmentIds: appointments.map((a) => a.id),
    trickyCustomerId: tricky.id,
    databaseToken,
    customerOnlyToken,
  };
}

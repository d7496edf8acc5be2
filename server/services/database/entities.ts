/**
 * What an export contains: every entity of one company, read page by page in a fixed order.
 * Each entity names its columns explicitly (a Prisma `select`), so a column added to the schema
 * later is never exported by accident, and secrets (encrypted keys, password and token hashes,
 * encrypted custom-function headers) are never among them.
 */
import type { PrismaClient } from "@/server/generated/prisma/client";

export type ExportRow = Record<string, unknown>;

export interface ExportEntity {
  label: string;
  /** The exported columns, in order (the keys of the entity's select). */
  columns: string[];
  /** Up to `take` rows of the company after the cursor, in cursor order. */
  page(db: PrismaClient, companyId: string, after: string | null, take: number): Promise<ExportRow[]>;
  /** The company's rows. */
  count(db: PrismaClient, companyId: string): Promise<number>;
  /** The cursor a row continues from (its id unless said otherwise). */
  cursorOf(row: ExportRow): string;
}

type Select = Record<string, true>;

const afterId = (after: string | null) => (after ? { id: { gt: after } } : {});
const byId = (row: ExportRow) => String(row.id);
const stamps = { createdAt: true, updatedAt: true } as const;

const company: Select = { id: true, slug: true, name: true, timeZone: true, settings: true, ...stamps };
const branch: Select = {
  id: true, name: true, street: true, postalCode: true, city: true, state: true, phone: true, email: true,
  timeZone: true, businessHours: true, isActive: true, ...stamps,
};
const specialDay: Select = { id: true, branchId: true, date: true, closed: true, hours: true, reason: true, ...stamps };
const staff: Select = { id: true, branchId: true, name: true, email: true, workingHours: true, isActive: true, ...stamps };
const absence: Select = { id: true, staffId: true, startsAt: true, endsAt: true, reason: true, createdAt: true };
const staffService: Select = { staffId: true, serviceId: true };
const service: Select = {
  id: true, branchId: true, name: true, description: true, durationMinutes: true, bufferMinutes: true, priceCents: true,
  calcomEventTypeId: true, depositCents: true, depositPercent: true, isActive: true, ...stamps,
};
const customer: Select = {
  id: true, phone: true, name: true, email: true, notes: true, cancellationCount: true, noShowCount: true, smsOptOut: true,
  emailOptOut: true, stripeCustomerId: true, stripePaymentMethodId: true, cardConsentAt: true, ...stamps,
};
const appointment: Select = {
  id: true, branchId: true, customerId: true, serviceId: true, staffId: true, startsAt: true, endsAt: true, bufferMinutes: true,
  status: true, source: true, externalUid: true, retellCallId: true, notes: true, rescheduledAt: true, rescheduledBy: true,
  rescheduleReason: true, cancelledAt: true, cancelledBy: true, cancellationReason: true, createdBy: true,
  statusChangedAt: true, statusChangedBy: true, ...stamps,
};
const call: Select = {
  id: true, branchId: true, retellCallId: true, agentId: true, agentVersion: true, direction: true, fromNumber: true,
  toNumber: true, status: true, startedAt: true, endedAt: true, durationMs: true, disconnectionReason: true, transcript: true,
  transcriptObject: true, recordingUrl: true, summary: true, sentiment: true, successful: true, analysis: true,
  collectedData: true, outcome: true, customerId: true, appointmentId: true, ...stamps,
};
const functionCall: Select = { id: true, retellCallId: true, functionName: true, arguments: true, answer: true, createdAt: true };
const task: Select = { id: true, callId: true, customerId: true, title: true, details: true, status: true, ...stamps };
const message: Select = {
  id: true, appointmentId: true, customerId: true, channel: true, kind: true, to: true, subject: true, body: true, state: true,
  provider: true, providerMessageId: true, error: true, segments: true, sendAt: true, sentAt: true, deliveredAt: true, ...stamps,
};
const template: Select = { id: true, channel: true, kind: true, subject: true, body: true, ...stamps };
const knowledge: Select = { id: true, branchId: true, category: true, title: true, content: true, keywords: true, isActive: true, ...stamps };
const prompt: Select = { id: true, version: true, instructions: true, createdById: true, createdByName: true, createdAt: true };
const phoneNumber: Select = { id: true, branchId: true, number: true, label: true, retellAgentId: true, retellAgentVersion: true, isActive: true, ...stamps };
const payment: Select = {
  id: true, appointmentId: true, customerId: true, kind: true, state: true, amountCents: true, refundedCents: true, currency: true,
  stripeSessionId: true, stripePaymentIntentId: true, checkoutUrl: true, expiresAt: true, paidAt: true, refundedAt: true, error: true, ...stamps,
};
// Without passwordHash, passwordResetTokenHash and sessionVersion.
const user: Select = { id: true, email: true, name: true, role: true, isActive: true, passwordChangedAt: true, lastLoginAt: true, ...stamps };
// Without tokenHash: the prefix identifies a token, nothing can be done with it.
const apiToken: Select = { id: true, name: true, prefix: true, allowedServers: true, lastUsedAt: true, revokedAt: true, createdById: true, createdAt: true };
const audit: Select = { id: true, actorType: true, actorId: true, method: true, outcome: true, errorCode: true, durationMs: true, correlationId: true, details: true, createdAt: true };
// Settings without their encrypted credentials (smsCredentialsEnc, stripe*Enc, apiKeyEnc, webhookSecretEnc).
const messaging: Select = { id: true, smsProvider: true, smsSender: true, reminderOffsets: true, emailReminders: true, smsReminders: true, quietFrom: true, quietUntil: true, ...stamps };
const paymentSettings: Select = { id: true, noShowFeeCents: true, depositLinkMinutes: true, ...stamps };
const calendar: Select = { id: true, provider: true, baseUrl: true, lastTestedAt: true, lastTestStatus: true, ...stamps };
const retell: Select = {
  id: true, webhookUrl: true, webhookEvents: true, customFunctions: true, agentSettings: true, managedAgentId: true, managedLlmId: true,
  voiceId: true, transferNumber: true, lastSetupAt: true, ...stamps,
};
// Without `headers`: their values are encrypted API keys of the company's own systems.
const customFunction: Select = {
  id: true, name: true, type: true, description: true, url: true, method: true, parameterSchema: true, responseSchema: true,
  timeoutMs: true, isEnabled: true, lastUsedAt: true, usageCount: true, ...stamps,
};

const columnsOf = (select: Select) => Object.keys(select);

/** What the export needs of a Prisma model delegate (the select is checked by the tests, which export every entity). */
interface ModelDelegate {
  findMany(args: never): Promise<unknown[]>;
  count(args: never): Promise<number>;
}

const ASC = { id: "asc" } as const;

/** An entity whose rows carry companyId and an id: the common case. */
function scoped(label: string, select: Select, model: (db: PrismaClient) => ModelDelegate): ExportEntity {
  return {
    label,
    columns: columnsOf(select),
    page: (db, companyId, after, take) =>
      model(db).findMany({ where: { companyId, ...afterId(after) }, take, select, orderBy: ASC } as never) as Promise<ExportRow[]>,
    count: (db, companyId) => model(db).count({ where: { companyId } } as never),
    cursorOf: byId,
  };
}

export const EXPORT_ENTITIES = {
  company: {
    label: "Firma",
    columns: columnsOf(company),
    page: (db, companyId, after) => (after ? Promise.resolve([]) : db.company.findMany({ where: { id: companyId }, select: company })),
    count: (db, companyId) => db.company.count({ where: { id: companyId } }),
    cursorOf: byId,
  },
  branches: scoped("Filialen", branch, (db) => db.branch),
  branchSpecialDays: scoped("Besondere Öffnungstage", specialDay, (db) => db.branchSpecialDay),
  staff: scoped("Mitarbeitende", staff, (db) => db.staff),
  staffAbsences: {
    label: "Abwesenheiten",
    columns: columnsOf(absence),
    page: (db, companyId, after, take) =>
      db.staffAbsence.findMany({ where: { staff: { companyId }, ...afterId(after) }, take, select: absence, orderBy: ASC }),
    count: (db, companyId) => db.staffAbsence.count({ where: { staff: { companyId } } }),
    cursorOf: byId,
  },
  services: scoped("Leistungen", service, (db) => db.service),
  staffServices: {
    label: "Leistungen der Mitarbeitenden",
    columns: columnsOf(staffService),
    page: (db, companyId, after, take) => {
      const [staffId, serviceId] = after ? after.split("|") : [];
      const where = after ? { OR: [{ staffId: { gt: staffId } }, { staffId, serviceId: { gt: serviceId } }] } : {};
      return db.staffService.findMany({
        where: { staff: { companyId }, ...where },
        take,
        select: staffService,
        orderBy: [{ staffId: "asc" }, { serviceId: "asc" }],
      });
    },
    count: (db, companyId) => db.staffService.count({ where: { staff: { companyId } } }),
    cursorOf: (row) => `${String(row.staffId)}|${String(row.serviceId)}`,
  },
  customers: scoped("Kundschaft", customer, (db) => db.customer),
  appointments: scoped("Termine", appointment, (db) => db.appointment),
  payments: scoped("Zahlungen", payment, (db) => db.payment),
  calls: scoped("Anrufe", call, (db) => db.call),
  functionCalls: scoped("Funktionsaufrufe", functionCall, (db) => db.functionCall),
  tasks: scoped("Aufgaben", task, (db) => db.task),
  messages: scoped("Nachrichten", message, (db) => db.message),
  messageTemplates: scoped("Vorlagen", template, (db) => db.messageTemplate),
  knowledgeEntries: scoped("Wissen", knowledge, (db) => db.knowledgeEntry),
  agentPromptVersions: scoped("Agenten-Anweisungen", prompt, (db) => db.agentPromptVersion),
  phoneNumbers: scoped("Rufnummern", phoneNumber, (db) => db.phoneNumber),
  customFunctions: scoped("Eigene Funktionen", customFunction, (db) => db.retellCustomFunction),
  users: scoped("Benutzer", user, (db) => db.user),
  apiTokens: scoped("API-Tokens", apiToken, (db) => db.apiToken),
  auditLogs: scoped("Protokoll", audit, (db) => db.auditLog),
  messagingSettings: scoped("Nachrichten-Einstellungen", messaging, (db) => db.messagingSettings),
  paymentSettings: scoped("Zahlungs-Einstellungen", paymentSettings, (db) => db.paymentSettings),
  calendarConnection: scoped("Kalender-Verbindung", calendar, (db) => db.calendarConnection),
  retellConfiguration: scoped("Retell-Einstellungen", retell, (db) => db.retellConfiguration),
} satisfies Record<string, ExportEntity>;

export type ExportEntityName = keyof typeof EXPORT_ENTITIES;
export const EXPORT_ENTITY_NAMES = Object.keys(EXPORT_ENTITIES) as [ExportEntityName, ...ExportEntityName[]];

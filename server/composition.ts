/**
 * The composition root: the one place that lists the product's servers and job kinds. Entry
 * points (route handlers, the tRPC router, scripts, the test setup) import this module once;
 * core and platform receive what they need from here and import no service themselves.
 *
 * To add a server: export it from `server/services/<server>/methods.ts` with `defineServer`,
 * import it here and add one entry to `servers`. To add a job kind: define it with
 * `defineJobKind` next to its service and add one entry to `jobKinds`.
 */
import { provideRegistry, Registry } from "@/server/core/registry";
import type { ServerDef } from "@/server/core/types";
import { provideJobKinds, type JobKind } from "@/server/platform/outbox/job-kind";
import { appointmentsServer } from "@/server/services/appointments/methods";
import { NOTIFICATION_JOB, notificationJob } from "@/server/services/appointments/notification-job";
import { auditServer } from "@/server/services/audit/methods";
import { branchServer } from "@/server/services/branch/methods";
import { calcomServer } from "@/server/services/calcom/methods";
import { companyServer } from "@/server/services/company/methods";
import { customerServer } from "@/server/services/customer/methods";
import { databaseServer } from "@/server/services/database/methods";
import { knowledgeServer } from "@/server/services/knowledge/methods";
import { messagingServer } from "@/server/services/messaging/methods";
import { MESSAGE_JOB, messageJob } from "@/server/services/messaging-delivery/delivery-job";
import { messagingDeliveryServer } from "@/server/services/messaging-delivery/methods";
import { messagingTemplatesServer } from "@/server/services/messaging-templates/methods";
import { metaServer } from "@/server/services/meta/methods";
import { notificationsServer } from "@/server/services/notifications/methods";
import { phoneServer } from "@/server/services/phone/methods";
import { privacyServer } from "@/server/services/privacy/methods";
import { RETENTION_JOB, retentionJob } from "@/server/services/privacy/retention-job";
import { queueServer } from "@/server/services/queue/methods";
import { retellConfigServer } from "@/server/services/retell-config/methods";
import { retellFunctionServer } from "@/server/services/retell-function/methods";
import { retellServer } from "@/server/services/retell/methods";
import { sentryServer } from "@/server/services/sentry/methods";
import { serviceServer } from "@/server/services/service/methods";
import { staffServer } from "@/server/services/staff/methods";
import { DEPOSIT_LINK_JOB, depositLinkJob } from "@/server/services/stripe/deposit";
import { DEPOSIT_EXPIRE_JOB, depositExpireJob } from "@/server/services/stripe/deposit-expiry";
import { stripeServer } from "@/server/services/stripe/methods";
import { userServer } from "@/server/services/user/methods";
import { RETELL_WEBHOOK_JOB, retellWebhookJob } from "@/server/services/webhook/webhook-job";
import { webhookServer } from "@/server/services/webhook/methods";

export const servers = [
  metaServer,
  companyServer,
  branchServer,
  customerServer,
  knowledgeServer,
  retellFunctionServer,
  retellServer,
  retellConfigServer,
  webhookServer,
  appointmentsServer,
  queueServer,
  calcomServer,
  staffServer,
  serviceServer,
  userServer,
  sentryServer,
  phoneServer,
  messagingServer,
  messagingDeliveryServer,
  messagingTemplatesServer,
  stripeServer,
  databaseServer,
  auditServer,
  privacyServer,
  notificationsServer,
] satisfies ServerDef[];

export const jobKinds = {
  [NOTIFICATION_JOB]: notificationJob,
  [RETELL_WEBHOOK_JOB]: retellWebhookJob,
  [MESSAGE_JOB]: messageJob,
  [DEPOSIT_LINK_JOB]: depositLinkJob,
  [DEPOSIT_EXPIRE_JOB]: depositExpireJob,
  [RETENTION_JOB]: retentionJob,
} satisfies Record<string, JobKind>;

type ProductJobKinds = typeof jobKinds;
declare module "@/server/platform/outbox/job-kind" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface JobKindMap extends ProductJobKinds {}
}

export const registry = new Registry(servers);
provideRegistry(registry);
provideJobKinds(jobKinds);

import { TZDate } from "@date-fns/tz";
import { addDays, format } from "date-fns";
import type { z } from "zod";
import type { ServiceContext } from "@/server/core/types";
import { defaultTemplate, MESSAGE_KINDS, TEMPLATE_CHANNELS, type MessageKindName, type TemplateChannel } from "./defaults";
import { renderText, templateOrDefault } from "./render";
import type * as s from "./schemas";
import { smsLength } from "./sms-length";
import { branchAddress, templateProblem, type MessageVars } from "./template-text";
import { invalidateMessagingContext } from "@/server/services/messaging-delivery/context";

type TemplateRow = { channel: TemplateChannel; kind: string; subject: string | null; body: string; updatedAt: Date };

function toDto(channel: TemplateChannel, kind: MessageKindName, row: TemplateRow | undefined): s.TemplateDto {
  const { subject, body, isDefault } = templateOrDefault(channel, kind, row);
  return { channel, kind, subject, body, is_default: isDefault, updated_at: row ? row.updatedAt.toISOString() : null };
}

/** Every kind on every channel: the company's own text where it has one, else the default. */
export async function listTemplates(ctx: ServiceContext): Promise<z.input<typeof s.listResult>> {
  const [rows, sample] = await Promise.all([
    ctx.db.messageTemplate.findMany({
      where: { companyId: ctx.companyId, kind: { in: [...MESSAGE_KINDS] } },
      select: { channel: true, kind: true, subject: true, body: true, updatedAt: true },
    }),
    sampleVars(ctx),
  ]);
  const templates: s.TemplateDto[] = [];
  for (const channel of TEMPLATE_CHANNELS) {
    for (const kind of MESSAGE_KINDS) {
      templates.push(toDto(channel, kind, rows.find((r) => r.channel === channel && r.kind === kind)));
    }
  }
  return { templates, sample };
}

/**
 * Saves the company's text of a kind on a channel. A text equal to the default removes the
 * company's own, so later improvements of the default reach it.
 */
export async function updateTemplate(ctx: ServiceContext, p: z.output<typeof s.updateParams>): Promise<z.input<typeof s.updateResult>> {
  const subject = p.channel === "email" ? (p.subject ?? null) : null;
  const d = defaultTemplate(p.channel, p.kind);
  const where = { companyId: ctx.companyId, channel: p.channel, kind: p.kind };
  if (p.body === d.body && subject === d.subject) {
    await ctx.db.messageTemplate.deleteMany({ where });
    await invalidateMessagingContext(ctx.companyId);
    return { template: toDto(p.channel, p.kind, undefined) };
  }
  const row = await ctx.db.messageTemplate.upsert({
    where: { companyId_channel_kind: where },
    create: { ...where, subject, body: p.body },
    update: { subject, body: p.body },
    select: { channel: true, kind: true, subject: true, body: true, updatedAt: true },
  });
  await invalidateMessagingContext(ctx.companyId);
  return { template: toDto(p.channel, p.kind, row) };
}

/** Back to the built-in default. */
export async function resetTemplate(ctx: ServiceContext, p: z.output<typeof s.resetParams>): Promise<z.input<typeof s.resetResult>> {
  await ctx.db.messageTemplate.deleteMany({ where: { companyId: ctx.companyId, channel: p.channel, kind: p.kind } });
  await invalidateMessagingContext(ctx.companyId);
  return { template: toDto(p.channel, p.kind, undefined) };
}

export const SAMPLE_NAME = "Anna Beispiel";
export const SAMPLE_TIME = "10:00";

/** Values for the preview: Anna Beispiel, tomorrow 10:00, the company's first service, branch and staff member. */
export async function sampleVars(ctx: ServiceContext): Promise<MessageVars> {
  const company = await ctx.db.company.findUniqueOrThrow({ where: { id: ctx.companyId }, select: { name: true, timeZone: true } });
  const [branch, service] = await Promise.all([
    ctx.db.branch.findFirst({
      where: { companyId: ctx.companyId, isActive: true },
      orderBy: { name: "asc" },
      select: { id: true, name: true, street: true, postalCode: true, city: true },
    }),
    ctx.db.service.findFirst({ where: { companyId: ctx.companyId, isActive: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const staff = service
    ? await ctx.db.staff.findFirst({
        where: { companyId: ctx.companyId, isActive: true, services: { some: { serviceId: service.id } } },
        orderBy: { name: "asc" },
        select: { name: true },
      })
    : null;
  const tomorrow = addDays(new TZDate(ctx.now().getTime(), company.timeZone), 1);
  return {
    name: SAMPLE_NAME,
    date: format(tomorrow, "dd.MM.yyyy"),
    time: SAMPLE_TIME,
    service: service?.name ?? "Beratung",
    staff: staff?.name ?? null,
    branch: branch?.name ?? company.name,
    address: branch ? branchAddress(branch) : null,
    company: company.name,
    link: "https://checkout.stripe.com/c/pay/cs_test_Beispiel",
    amount: "20,00 €",
  };
}

/** A draft filled with sample values, with its SMS length and why it could not be saved (if so). */
export async function previewTemplate(ctx: ServiceContext, p: z.output<typeof s.previewParams>): Promise<z.input<typeof s.previewResult>> {
  const vars = await sampleVars(ctx);
  const subject = p.channel === "email" ? (p.subject ?? "") : null;
  const rendered = renderText(p.channel, { subject, body: p.body }, vars);
  const problem = templateProblem(p.body) ?? (subject !== null ? templateProblem(subject) : null);
  return { ...rendered, sms: p.channel === "sms" ? smsLength(rendered.text) : null, problem };
}

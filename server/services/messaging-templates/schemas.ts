import { z } from "zod";
import { MESSAGE_KINDS, TEMPLATE_CHANNELS } from "./defaults";
import { templateProblem } from "./template-text";

// Pure helpers the template editor uses in the browser as well (no database behind them).
export { CHANNEL_LABELS, KIND_LABELS, MESSAGE_KINDS, TEMPLATE_CHANNELS, defaultTemplate } from "./defaults";
export type { MessageKindName, TemplateChannel, TemplateText } from "./defaults";
export { PLACEHOLDERS, branchAddress, escapeHtml, htmlFromText, placeholdersIn, renderTemplate, templateProblem } from "./template-text";
export type { MessageVars, PlaceholderKey } from "./template-text";
export { SMS_LIMITS, firstNonGsm7, isGsm7, smsLength } from "./sms-length";
export type { SmsEncoding, SmsLength } from "./sms-length";

/** Longest SMS template: four parts of GSM-7; the filled-in values come on top. */
export const SMS_BODY_MAX = 640;
export const EMAIL_BODY_MAX = 5000;
export const SUBJECT_MAX = 200;

const channel = z.enum(TEMPLATE_CHANNELS, { error: "Bitte SMS oder E-Mail wählen." });
const kind = z.enum(MESSAGE_KINDS, { error: "Bitte eine Nachrichtenart wählen." });

export const empty = z.object({}).strict();

export const templateSchema = z.object({
  channel,
  kind,
  /** E-mail only; null for SMS. */
  subject: z.string().nullable(),
  body: z.string(),
  /** true: the built-in German text (the company has not written its own). */
  is_default: z.boolean(),
  /** When the company last saved its own text; null for the default. */
  updated_at: z.string().nullable(),
});
export type TemplateDto = z.input<typeof templateSchema>;

export const messageVarsSchema = z.object({
  name: z.string().nullable(),
  date: z.string(),
  time: z.string(),
  service: z.string(),
  staff: z.string().nullable(),
  branch: z.string(),
  address: z.string().nullable(),
  company: z.string(),
  link: z.string().nullable().optional(),
  amount: z.string().nullable().optional(),
});

export const listResult = z.object({
  templates: z.array(templateSchema),
  /** The preview's values (Anna Beispiel, tomorrow 10:00, the first service and branch), so the editor can fill drafts itself. */
  sample: messageVarsSchema,
});

const channelKind = { channel, kind };

/** The text of a template as the editor sends it; subject only for e-mail. */
const draft = z.object({
  ...channelKind,
  subject: z.string().trim().max(SUBJECT_MAX, `Der Betreff hat höchstens ${SUBJECT_MAX} Zeichen.`).nullish(),
  body: z.string().trim(),
});

/** Saving: known placeholders only, a text (and for e-mail a subject), SMS at most 640 characters. */
export const updateParams = draft.superRefine((p, ctx) => {
  const length = Array.from(p.body).length;
  if (length === 0) ctx.addIssue({ code: "custom", path: ["body"], message: "Bitte einen Text eingeben." });
  else if (p.channel === "sms" && length > SMS_BODY_MAX)
    ctx.addIssue({ code: "custom", path: ["body"], message: `Eine SMS-Vorlage hat höchstens ${SMS_BODY_MAX} Zeichen (jetzt ${length}).` });
  else if (p.channel === "email" && length > EMAIL_BODY_MAX)
    ctx.addIssue({ code: "custom", path: ["body"], message: `Eine E-Mail-Vorlage hat höchstens ${EMAIL_BODY_MAX} Zeichen (jetzt ${length}).` });
  const bodyProblem = templateProblem(p.body);
  if (bodyProblem) ctx.addIssue({ code: "custom", path: ["body"], message: bodyProblem });
  if (p.channel === "email") {
    if (!p.subject) ctx.addIssue({ code: "custom", path: ["subject"], message: "Bitte einen Betreff angeben." });
    else {
      const subjectProblem = templateProblem(p.subject);
      if (subjectProblem) ctx.addIssue({ code: "custom", path: ["subject"], message: subjectProblem });
    }
  }
});
export type UpdateParams = z.input<typeof updateParams>;

export const updateResult = z.object({ template: templateSchema });

export const resetParams = z.object(channelKind);
export const resetResult = z.object({ template: templateSchema });

/** Preview takes any draft, even one that could not be saved yet: its problems come back instead of an error. */
export const previewParams = z.object({
  ...channelKind,
  subject: z.string().max(SUBJECT_MAX * 2).nullish(),
  body: z.string().max(EMAIL_BODY_MAX * 2),
});

export const smsLengthSchema = z.object({
  encoding: z.enum(["GSM-7", "UCS-2"]),
  characters: z.number().int(),
  segments: z.number().int(),
  limit: z.number().int(),
  firstNonGsm: z.string().optional(),
});

export const previewResult = z.object({
  subject: z.string().nullable(),
  text: z.string(),
  /** E-mail only: the HTML part as it would be sent. */
  html: z.string().nullable(),
  /** SMS only: length and parts of the filled-in text. */
  sms: smsLengthSchema.nullable(),
  /** Why the draft could not be saved as it is (German), or null. */
  problem: z.string().nullable(),
});

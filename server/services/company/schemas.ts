import { z } from "zod";
import { requiredName } from "./master-data-fields";
import { createParams as branchParams } from "@/server/services/branch/schemas";
import { passwordProblems } from "@/server/services/user/password-policy";
import { companySettingsPatchSchema, companySettingsSchema } from "@/server/calendar/company-settings";

export const companySchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  time_zone: z.string(),
  settings: companySettingsSchema,
});

export const getParams = z.object({});
export const getResult = companySchema;

export const getSettingsParams = z.object({});
export const getSettingsResult = z.object({ settings: companySettingsSchema });

export const updateSettingsParams = z.object({ settings: companySettingsPatchSchema });
export const updateSettingsResult = z.object({ settings: companySettingsSchema });

export const updateParams = z.object({ name: requiredName(200) });
export const updateResult = companySchema;

// A new company with its first branch (set-up wizard, `npm run company:create`).

const weekdays = (open: string, close: string, days: number[]) => Object.fromEntries(days.map((d) => [d, [{ open, close }]]));

/** Opening hours a new branch starts with until the owner sets its own: Mo–Fr 09:00–18:00, Sa 09:00–14:00. */
export const STARTER_HOURS = {
  weekly: { ...weekdays("09:00", "18:00", [1, 2, 3, 4, 5]), ...weekdays("09:00", "14:00", [6]) },
  breaks: {},
};

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("de-DE", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const slugField = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, "Nur Kleinbuchstaben, Ziffern und Bindestriche, 1 bis 40 Zeichen, z. B. salon-mueller.");

export const newCompanySchema = z.object({
  name: requiredName(200),
  slug: slugField,
  time_zone: z
    .string()
    .trim()
    .default("Europe/Berlin")
    .refine(isTimeZone, "Unbekannte Zeitzone; bitte z. B. Europe/Berlin angeben."),
  branch: branchParams.extend({
    business_hours: branchParams.shape.business_hours.unwrap().default(STARTER_HOURS),
  }),
});
export type NewCompany = z.output<typeof newCompanySchema>;

/** Turns a business name into a slug suggestion: "Salon Müller & Söhne" → "salon-mueller-soehne". */
export function slugFromName(name: string): string {
  const umlauts: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };
  return name
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => umlauts[c])
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}


/** The first admin's login, created with the company; the password follows the same rules as every login's. */
export const firstAdminSchema = z
  .object({
    name: requiredName(100),
    email: z.string().trim().toLowerCase().pipe(z.email("Bitte eine gültige E-Mail-Adresse angeben, z. B. inhaberin@salon.de.")),
    password: z.string(),
  })
  .superRefine((admin, ctx) => {
    for (const message of passwordProblems(admin.password, admin.email)) ctx.addIssue({ code: "custom", path: ["password"], message });
  });

/** The set-up wizard's first step: the code from the server log, the company with its first branch, the admin. */
export const firstCompanyParams = newCompanySchema.extend({
  setup_code: z.string().trim().min(1, "Bitte den Einrichtungscode aus dem Server-Protokoll eingeben."),
  admin: firstAdminSchema,
});

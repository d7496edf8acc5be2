import { z } from "zod";
import { requiredName } from "./master-data-fields";
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

import { describe, expect, it } from "vitest";
import { companySettingsPatchSchema, companySettingsSchema, DEFAULT_COMPANY_SETTINGS, parseCompanySettings } from "./company-settings";

describe("company settings", () => {
  it("fills every default into an empty or missing value", () => {
    expect(parseCompanySettings({})).toEqual(DEFAULT_COMPANY_SETTINGS);
    expect(parseCompanySettings(null)).toEqual(DEFAULT_COMPANY_SETTINGS);
    expect(parseCompanySettings([1])).toEqual(DEFAULT_COMPANY_SETTINGS);
    expect(DEFAULT_COMPANY_SETTINGS.modificationCutoffHours).toBe(24);
    expect(companySettingsSchema.parse({})).toEqual(DEFAULT_COMPANY_SETTINGS);
  });

  it("keeps valid stored fields and falls back per invalid field", () => {
    const stored = { slotIntervalMinutes: 30, bookingWindowDays: -5, contactEmail: "not-an-email", refundPolicy: "Kulanz", legacy: true };
    expect(parseCompanySettings(stored)).toEqual({
      ...DEFAULT_COMPANY_SETTINGS,
      slotIntervalMinutes: 30,
      refundPolicy: "Kulanz",
    });
  });

  it("validates a patch field by field and refuses unknown fields", () => {
    expect(companySettingsPatchSchema.parse({ modificationCutoffHours: 48 })).toEqual({ modificationCutoffHours: 48 });
    expect(companySettingsPatchSchema.safeParse({ slotIntervalMinutes: 2 }).success).toBe(false);
    expect(companySettingsPatchSchema.safeParse({ colour: "rot" }).success).toBe(false);
    expect(companySettingsPatchSchema.parse({ contactEmail: null })).toEqual({ contactEmail: null });
  });
});

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import "@/server/core/zod-locale";
import { plainMessageProblem } from "@/components/forms/plain-messages";

/**
 * Every dashboard form's schema, by the file that holds the form (a component calling
 * useSchemaForm). A form added without an entry here fails the first test.
 */
const FORMS: Record<string, () => Promise<z.ZodType[]>> = {
  "components/agents/agent-instructions-card.tsx": async () => [(await import("@/server/services/retell/schemas")).setPromptInstructionsParams],
  "components/agents/bind-number-form.tsx": async () => [(await import("@/components/agents/bind-number-form")).bindSchema],
  "components/agents/setup-agent-card.tsx": async () => [(await import("@/components/agents/setup-agent-card")).setupSchema],
  "components/appointments/appointment-filters.tsx": async () => [(await import("@/components/appointments/filter-fields")).filterSchema({ from: "2026-12-01", to: "2026-12-07" })],
  "components/appointments/cancel-appointment-dialog.tsx": async () => [(await import("@/components/appointments/cancel-appointment-dialog")).cancelSchema("apt_1")],
  "components/appointments/change-appointment-dialog.tsx": async () => [(await import("@/components/appointments/change-appointment-dialog")).changeSchema("apt_1")],
  "components/appointments/create-appointment-dialog.tsx": async () => [(await import("@/components/appointments/create-appointment-dialog")).bookSchema("key_1")],
  "components/appointments/day-plan.tsx": async () => [(await import("@/components/appointments/day-plan")).controls],
  "components/appointments/edit-appointment-dialog.tsx": async () => [(await import("@/components/appointments/edit-appointment-dialog")).editSchema(APPOINTMENT)],
  "components/auth/login-form.tsx": async () => [(await import("@/components/auth/login-form")).credentials],
  "components/customers/edit-customer-dialog.tsx": async () => [(await import("@/components/customers/edit-customer-dialog")).editSchema("cus_1")],
  "components/function-test/function-tester.tsx": async () => [(await import("@/components/function-test/function-tester")).testerSchema([])],
  "components/functions/function-editor-dialog.tsx": async () => [(await import("@/components/functions/function-form-values")).functionSchema()],
  "components/knowledge/knowledge-form-dialog.tsx": async () => {
    const { schemaFor } = await import("@/components/knowledge/knowledge-form-dialog");
    return [schemaFor(undefined), schemaFor("kb_1")];
  },
  "components/knowledge/knowledge-search.tsx": async () => [(await import("@/components/knowledge/knowledge-search")).schema],
  "components/messaging/reminder-settings-card.tsx": async () => [(await import("@/components/messaging/reminder-settings-card")).schema],
  "components/messaging/sms-provider-card.tsx": async () => {
    const { schema, testSchema } = await import("@/components/messaging/sms-provider-card");
    return [schema, testSchema];
  },
  "components/messaging/template-editor.tsx": async () => {
    const { schemaFor } = await import("@/components/messaging/template-editor");
    return [schemaFor("sms", "confirmation"), schemaFor("email", "confirmation")];
  },
  "components/phone/phone-number-form.tsx": async () => {
    const { addSchema, editSchema } = await import("@/components/phone/phone-number-form");
    return [addSchema, editSchema("pn_1")];
  },
  "components/retell/api-key-card.tsx": async () => {
    const { storeSchema, replaceSchema } = await import("@/components/retell/api-key-card");
    return [storeSchema, replaceSchema];
  },
  "components/retell/webhook-events-card.tsx": async () => [(await import("@/components/retell/webhook-events-card")).eventsSchema],
  "components/settings/absences-panel.tsx": async () => [(await import("@/components/settings/absence-fields")).absenceSchema("staff_1")],
  "components/settings/branch-form.tsx": async () => {
    const { createSchema, updateSchema } = await import("@/components/settings/branch-form");
    return [createSchema, updateSchema("br_1")];
  },
  "components/settings/branch-special-days.tsx": async () => [(await import("@/components/settings/special-day-fields")).specialDaySchema("br_1")],
  "components/settings/calendar-section.tsx": async () => [(await import("@/components/settings/calendar-section")).schema],
  "components/settings/company-section.tsx": async () => {
    const { nameSchema, contactSchema, rulesSchema } = await import("@/components/settings/company-section");
    return [nameSchema, contactSchema, rulesSchema];
  },
  "components/settings/payments-section.tsx": async () => [(await import("@/components/settings/payments-section")).schema],
  "components/settings/retention-form.tsx": async () => [(await import("@/components/settings/retention-form")).retentionSchema],
  "components/settings/service-form.tsx": async () => {
    const { createSchema, updateSchema } = await import("@/components/settings/service-form");
    return [createSchema, updateSchema("svc_1")];
  },
  "components/settings/staff-form.tsx": async () => {
    const { createSchema, updateSchema } = await import("@/components/settings/staff-form");
    return [createSchema([]), updateSchema([], "staff_1")];
  },
  "components/setup/setup-wizard-form.tsx": async () => [(await import("@/components/setup/setup-wizard-form")).schema],
  "components/tokens/create-token-dialog.tsx": async () => [(await import("@/components/tokens/create-token-dialog")).tokenSchema(["appointments"])],
  "components/users/change-password-form.tsx": async () => [(await import("@/server/services/user/schemas")).changeOwnPasswordForm("inhaber@beispiel.de")],
  "components/users/create-user-dialog.tsx": async () => [(await import("@/components/users/create-user-dialog")).schema],
  "components/users/set-password-form.tsx": async () => [(await import("@/server/services/user/schemas")).setPasswordForm("inhaber@beispiel.de")],
};

/** An appointment as the edit dialog receives it; the fields are then emptied or spoiled. */
const APPOINTMENT = {
  id: "apt_1",
  service_id: "svc_1",
  staff_id: "staff_1",
  notes: null,
  customer_name: "Anna Schmidt",
  customer_phone: "+4930123456",
} as unknown as Parameters<typeof import("@/components/appointments/edit-appointment-dialog").editSchema>[0];

const ROOT = join(__dirname, "../..");

/** Source files under `dir` (components/, app/), without tests. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** What people type wrongly, tried in every field: wrong types, too long, and bad mail, phone, time, day, amount. */
const BAD_VALUES: unknown[] = [
  123,
  null,
  true,
  ["x"],
  "   ",
  "x".repeat(20_000),
  "keine-mail",
  "anna@",
  "12ab",
  "+49 abc",
  "25:99",
  "9.30",
  "31.02.2026",
  "2026-13-45",
  "-5",
  "1,234",
  "0",
  "abc",
  "https//beispiel",
  "{",
];

/** Field values for an empty form: text "", switches off, lists empty, by what the schema reported missing. */
function emptyValue(expected: string): unknown {
  if (expected === "boolean") return false;
  if (expected === "array") return [];
  if (expected === "object" || expected === "record") return {};
  return "";
}

/** Messages of a parse, or [] when it passes. */
function messagesOf(schema: z.ZodType, value: unknown): string[] {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
}

/** The form's fields as the empty form holds them, read from the issues of parsing nothing. */
function emptyForm(schema: z.ZodType): Record<string, unknown> {
  const parsed = schema.safeParse({});
  const form: Record<string, unknown> = {};
  if (parsed.success) return form;
  for (const issue of parsed.error.issues) {
    const key = issue.path[0];
    if (typeof key === "string") form[key] ??= emptyValue("expected" in issue ? String(issue.expected) : "string");
  }
  return form;
}

/** Snake-case names such as service_id are the API's, not words for the owner (a key prefix like sk_live_ is fine). */
const FIELD_NAME = /\b[a-z]+_[a-z_]*[a-z]\b/;

function problems(messages: string[]): string[] {
  return messages.flatMap((m) => {
    const problem = plainMessageProblem(m) ?? (FIELD_NAME.test(m) ? `Feldname: ${m.match(FIELD_NAME)![0]}` : null);
    return problem ? [`${problem} in „${m}“`] : [];
  });
}

describe("the dashboard's form messages", () => {
  it("lists every form of the dashboard, and every form goes through useSchemaForm", () => {
    const files = [...sources(join(ROOT, "components")), ...sources(join(ROOT, "app"))];
    const forms = files.filter((f) => /\buseSchemaForm\s*(<[^;]*?>)?\(/.test(readFileSync(f, "utf8")) && !f.endsWith("use-schema-form.ts"));
    expect(forms.map((f) => relative(ROOT, f).split("\\").join("/")).sort()).toEqual(Object.keys(FORMS).sort());
    const ownForms = files.filter((f) => /\b(useForm|zodResolver)\s*(<[^;]*?>)?\(/.test(readFileSync(f, "utf8")) && !f.endsWith("use-schema-form.ts"));
    expect(ownForms.map((f) => relative(ROOT, f))).toEqual([]);
  });

  for (const [file, load] of Object.entries(FORMS)) {
    it(`${file}: empty and invalid input get plain German messages`, async () => {
      const found: string[] = [];
      const throws: string[] = [];
      for (const schema of await load()) {
        const empty = emptyForm(schema);
        found.push(...messagesOf(schema, {}), ...messagesOf(schema, empty));
        for (const field of Object.keys(empty)) {
          for (const bad of BAD_VALUES) {
            try {
              found.push(...messagesOf(schema, { ...empty, [field]: bad }));
            } catch (err) {
              throws.push(`${field} = ${JSON.stringify(bad).slice(0, 30)}: ${String(err)}`);
            }
          }
        }
      }
      expect(found.length).toBeGreaterThan(0);
      expect([...new Set(problems(found))]).toEqual([]);
      expect(throws).toEqual([]);
    });
  }
});

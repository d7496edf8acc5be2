import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { isAppError } from "@/server/core/errors";
import { firstAdminSchema, newCompanySchema, slugFromName } from "@/server/services/company/schemas";
import { createCompanyWithAdmin } from "@/server/doors/setup/first-company";
import type { Operation } from "./types";

export const COMPANY_CREATE_USAGE = [
  "Usage: npm run company:create -- --name \"<company>\" [--slug <slug>] [--time-zone Europe/Berlin]",
  "         --branch \"<first branch>\" [--street ...] [--postal-code 10115] [--city ...] [--state BE]",
  "         --admin-email <address> --admin-name \"<name>\" [--admin-password <at least 10 characters>]",
  "Creates a company with its first branch (opening hours Mo–Fr 09–18, Sa 09–14 until changed) and its admin.",
].join("\n");

const options = {
  name: { type: "string" },
  slug: { type: "string" },
  "time-zone": { type: "string" },
  branch: { type: "string" },
  street: { type: "string" },
  "postal-code": { type: "string" },
  city: { type: "string" },
  state: { type: "string" },
  "admin-email": { type: "string" },
  "admin-name": { type: "string" },
  "admin-password": { type: "string" },
} as const;

const input = newCompanySchema.extend({ admin: firstAdminSchema });

/**
 * `npm run company:create`: a further company on this install (an operator task), or the first
 * one without the wizard. Without --admin-password a strong one is generated and printed once.
 */
export const companyCreate: Operation = async ({ db, out }, argv) => {
  let values: Partial<Record<keyof typeof options, string>>;
  try {
    ({ values } = parseArgs({ args: argv, options }));
  } catch (err) {
    out(`${(err as Error).message}\n${COMPANY_CREATE_USAGE}`);
    return 2;
  }
  const password = values["admin-password"] ?? randomBytes(12).toString("base64url");
  const parsed = input.safeParse({
    name: values.name ?? "",
    slug: values.slug ?? slugFromName(values.name ?? ""),
    time_zone: values["time-zone"],
    branch: {
      name: values.branch ?? values.name ?? "",
      street: values.street ?? "",
      postal_code: values["postal-code"] ?? "",
      city: values.city ?? "",
      state: values.state ?? null,
    },
    admin: { name: values["admin-name"] ?? "", email: values["admin-email"] ?? "", password },
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${cliName(i.path)}: ${i.message}`);
    out([...lines, COMPANY_CREATE_USAGE].join("\n"));
    return 2;
  }
  try {
    const created = await createCompanyWithAdmin(db, parsed.data, { onlyIfFirst: false, actor: "cli" });
    out(`Company '${parsed.data.name}' (${parsed.data.slug}) created with branch '${parsed.data.branch.name}' (id ${created.branchId}).`);
    out(`Admin ${parsed.data.admin.email} can log in now.`);
    if (!values["admin-password"]) out(`Password (shown once): ${password}`);
    return 0;
  } catch (err) {
    if (isAppError(err)) {
      out(err.message);
      return 1;
    }
    throw err;
  }
};

/** The command-line option a schema path came from ("branch.postal_code" → --postal-code). */
function cliName(path: readonly PropertyKey[]): string {
  const [head, leaf] = path.map(String);
  if (head === "admin") return `--admin-${leaf}`;
  if (head === "branch") return leaf === "name" ? "--branch" : `--${(leaf ?? "").replace(/_/g, "-")}`;
  return `--${head.replace(/_/g, "-")}`;
}

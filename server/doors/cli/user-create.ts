import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createUser } from "@/server/auth/users";
import { passwordProblems } from "@/server/services/user/password-policy";
import type { Operation } from "./types";

export const USER_CREATE_USAGE =
  'Usage: npm run user:create -- --company <slug> --email <address> --name "<name>" [--role admin|staff] [--password <at least 10 characters, not a common one, not containing the name before the @>]';

const args = z.object({
  company: z.string().min(1, "--company <slug> is required"),
  email: z.email("--email must be an e-mail address"),
  name: z.string().trim().min(1, "--name is required"),
  role: z.enum(["admin", "staff"], "--role must be admin or staff").default("staff"),
  password: z.string().optional(),
});

/** `npm run user:create`: a dashboard user; without --password a strong one is generated and printed once. */
export const userCreate: Operation = async ({ db, out }, argv) => {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { company: { type: "string" }, email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, password: { type: "string" } },
    }));
  } catch (err) {
    out(`${(err as Error).message}\n${USER_CREATE_USAGE}`);
    return 2;
  }
  const parsed = args.safeParse(values);
  if (!parsed.success) {
    out([...parsed.error.issues.map((i) => i.message), USER_CREATE_USAGE].join("\n"));
    return 2;
  }
  const { company: slug, email, name, role } = parsed.data;
  // The dashboard's password rules (server/services/user/password-policy.ts), before anything is looked up.
  const problems = parsed.data.password === undefined ? [] : passwordProblems(parsed.data.password, email);
  if (problems.length) {
    out([...problems.map((p) => `--password: ${p}`), USER_CREATE_USAGE].join("\n"));
    return 2;
  }
  const company = await db.company.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (!company) {
    out(`No company with slug '${slug}'.`);
    return 1;
  }
  const password = parsed.data.password ?? randomBytes(12).toString("base64url");
  const user = await createUser(db, { companyId: company.id, email, name, role, password });
  out(`User ${user.email} (${role}) created for ${company.name}.`);
  if (!parsed.data.password) out(`Password (shown once): ${password}`);
  return 0;
};

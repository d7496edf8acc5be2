/**
 * npm run user:create -- --company demo --email anna@example.de --name "Anna Beispiel" [--role admin|staff] [--password ...]
 * Without --password a strong one is generated and printed once.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import bcrypt from "bcryptjs";
import { z } from "zod";
import { closeDb, getDb } from "@/server/db";

const args = z.object({
  company: z.string().min(1, "--company <slug> is required"),
  email: z.email("--email must be an e-mail address"),
  name: z.string().min(1, "--name is required"),
  role: z.enum(["admin", "staff"]).default("staff"),
  password: z.string().min(10, "--password needs at least 10 characters").optional(),
});

async function main() {
  const { values } = parseArgs({
    options: { company: { type: "string" }, email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, password: { type: "string" } },
  });
  const parsed = args.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("\n"));
  const { company: slug, email, name, role } = parsed.data;
  const password = parsed.data.password ?? randomBytes(12).toString("base64url");
  const prisma = await getDb();
  const company = await prisma.company.findUnique({ where: { slug } });
  if (!company) throw new Error(`No company with slug '${slug}'.`);
  if (await prisma.user.findUnique({ where: { email: email.toLowerCase() } })) throw new Error(`A user with e-mail ${email} exists already.`);
  await prisma.user.create({
    data: { companyId: company.id, email: email.toLowerCase(), name, role, passwordHash: await bcrypt.hash(password, 10) },
  });
  console.log(`User ${email} (${role}) created for ${company.name}.`);
  if (!parsed.data.password) console.log(`Password (shown once): ${password}`);
}

main()
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  })
  .finally(closeDb);

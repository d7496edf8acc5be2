import { isUniqueViolation } from "@/server/platform/db/unique-violation";
import { hashPassword } from "@/server/platform/password-hash";
import { passwordProblems } from "@/server/services/user/password-policy";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { normalizeEmail } from "./credentials";

export interface NewUser {
  companyId: string;
  email: string;
  name: string;
  role: "admin" | "staff";
  password: string;
}

/** Creates a dashboard user; the e-mail address is unique across all companies, the password follows the password rules. */
export async function createUser(db: PrismaClient, input: NewUser): Promise<{ id: string; email: string }> {
  const email = normalizeEmail(input.email);
  const problems = passwordProblems(input.password, email);
  if (problems.length) throw new AppError(ErrorCodes.INVALID_INPUT, problems.join(" "));
  const taken = await db.user.findFirst({ where: { email: { equals: email, mode: "insensitive" } }, select: { id: true } });
  if (taken) throw new AppError(ErrorCodes.CONFLICT, `Es gibt schon einen Benutzer mit der E-Mail-Adresse ${email}.`);
  try {
    const passwordHash = await hashPassword(input.password);
    const user = await db.user.create({ data: { companyId: input.companyId, email, name: input.name.trim(), role: input.role, passwordHash } });
    return { id: user.id, email: user.email };
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(ErrorCodes.CONFLICT, `Es gibt schon einen Benutzer mit der E-Mail-Adresse ${email}.`);
    throw err;
  }
}

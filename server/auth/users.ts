import bcrypt from "bcryptjs";
import { isUniqueViolation } from "@/server/platform/db/unique-violation";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { normalizeEmail } from "./credentials";

/** Same cost as the seeded and checked hashes (see credentials.ts). */
const BCRYPT_COST = 10;

export interface NewUser {
  companyId: string;
  email: string;
  name: string;
  role: "admin" | "staff";
  password: string;
}

/** Creates a dashboard user; the e-mail address is unique across all companies. */
export async function createUser(db: PrismaClient, input: NewUser): Promise<{ id: string; email: string }> {
  const email = normalizeEmail(input.email);
  if (input.password.length < 10) throw new AppError(ErrorCodes.INVALID_INPUT, "Das Passwort braucht mindestens 10 Zeichen.");
  const taken = await db.user.findFirst({ where: { email: { equals: email, mode: "insensitive" } }, select: { id: true } });
  if (taken) throw new AppError(ErrorCodes.CONFLICT, `Es gibt schon einen Benutzer mit der E-Mail-Adresse ${email}.`);
  try {
    const passwordHash = await bcrypt.hash(input.password, BCRYPT_COST);
    const user = await db.user.create({ data: { companyId: input.companyId, email, name: input.name.trim(), role: input.role, passwordHash } });
    return { id: user.id, email: user.email };
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(ErrorCodes.CONFLICT, `Es gibt schon einen Benutzer mit der E-Mail-Adresse ${email}.`);
    throw err;
  }
}

import { Prisma } from "@/server/generated/prisma/client";

/** A unique constraint refused the write (another request created the row first). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

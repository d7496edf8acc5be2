import { Prisma } from "@/server/generated/prisma/client";

/**
 * A unique constraint refused the write (another request created the row first). Inside
 * interactive transactions the PGlite adapter reports PostgreSQL's 23505 unmapped, as a
 * DriverAdapterError, instead of Prisma's P2002.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === "P2002";
  if (!(error instanceof Error) || error.name !== "DriverAdapterError") return false;
  const cause = error.cause as { kind?: string; code?: string } | undefined;
  return cause?.kind === "UniqueConstraintViolation" || (cause?.kind === "postgres" && cause.code === "23505");
}

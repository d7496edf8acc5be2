import { Prisma } from "@/server/generated/prisma/client";

/**
 * A unique constraint refused the write (another request created the row first). A model
 * query reports it as Prisma's P2002; inside interactive transactions the PGlite adapter
 * reports PostgreSQL's 23505 unmapped, as a DriverAdapterError; a raw query (`$queryRaw`,
 * `$executeRaw`) as P2010 carrying that adapter error.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return true;
    return error.code === "P2010" && isAdapterUniqueViolation((error.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError);
  }
  return error instanceof Error && error.name === "DriverAdapterError" && isAdapterUniqueViolation(error);
}

function isAdapterUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { kind?: string; code?: string } } | undefined)?.cause;
  return cause?.kind === "UniqueConstraintViolation" || (cause?.kind === "postgres" && cause.code === "23505");
}

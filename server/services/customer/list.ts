/**
 * customer.list: the Kunden page's table. A search finds a customer by part of the name or by
 * the phone number in any spelling (0171 1234567, +49 171 1234567, 0049 171…, just some digits);
 * each row carries the last and the next visit, which is also what it can be sorted by.
 */
import type { z } from "zod";
import type { ServiceContext } from "@/server/core/types";
import { Prisma } from "@/server/generated/prisma/client";
import { tryNormalizePhone } from "@/server/scheduling/phone";
import { formatGermanDate } from "@/server/scheduling/time";
import type * as s from "./schemas";
import { toDto } from "./service";

/** Fewer digits than this search the name only (a house number in the query is no phone number). */
const MIN_PHONE_DIGITS = 3;

/**
 * The digits of a typed number as they appear inside the stored +49… form: a leading "00" or
 * trunk "0" is dropped, so "0171 123" and "0049 171 123" both become "171123"; "+49 171" keeps
 * its country code ("49171").
 */
export function phoneDigitsForSearch(query: string): string {
  const digits = query.replace(/\D/g, "");
  if (query.trim().startsWith("+")) return digits;
  if (digits.startsWith("00")) return digits.slice(2);
  return digits.replace(/^0/, "");
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function whereSql(ctx: ServiceContext, params: z.output<typeof s.listParams>): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`c."companyId" = ${ctx.companyId}`];
  if (!params.include_erased) parts.push(Prisma.sql`c."erasedAt" IS NULL`);
  if (params.query) {
    const matches: Prisma.Sql[] = [Prisma.sql`c.name ILIKE ${likePattern(params.query)}`];
    const digits = phoneDigitsForSearch(params.query);
    if (digits.length >= MIN_PHONE_DIGITS) matches.push(Prisma.sql`c.phone LIKE ${likePattern(digits)}`);
    // A whole number in a form the digits alone miss, e.g. "+49 (0)171 1234567".
    const e164 = tryNormalizePhone(params.query);
    if (e164) matches.push(Prisma.sql`c.phone = ${e164}`);
    parts.push(Prisma.sql`(${Prisma.join(matches, " OR ")})`);
  }
  return Prisma.join(parts, " AND ");
}

interface ListRow {
  id: string;
  last_at: Date | null;
  last_tz: string | null;
  next_at: Date | null;
  next_tz: string | null;
}

export async function listCustomers(ctx: ServiceContext, params: z.output<typeof s.listParams>): Promise<z.input<typeof s.listResult>> {
  const now = ctx.now();
  const where = whereSql(ctx, params);
  const orderBy =
    params.sort === "last_visit"
      ? Prisma.sql`lv."startsAt" DESC NULLS LAST, c.name ASC NULLS LAST, c."createdAt" ASC`
      : Prisma.sql`c.name ASC NULLS LAST, c."createdAt" ASC`;
  const [rows, counted] = await Promise.all([
    ctx.db.$queryRaw<ListRow[]>`
      SELECT c.id, lv."startsAt" AS last_at, lv."timeZone" AS last_tz, nv."startsAt" AS next_at, nv."timeZone" AS next_tz
      FROM customers c
      LEFT JOIN LATERAL (
        SELECT a."startsAt", b."timeZone" FROM appointments a JOIN branches b ON b.id = a."branchId"
        WHERE a."customerId" = c.id AND a."startsAt" < ${now} AND a.status NOT IN ('cancelled', 'no_show')
        ORDER BY a."startsAt" DESC LIMIT 1
      ) lv ON true
      LEFT JOIN LATERAL (
        SELECT a."startsAt", b."timeZone" FROM appointments a JOIN branches b ON b.id = a."branchId"
        WHERE a."customerId" = c.id AND a."startsAt" >= ${now} AND a.status = 'scheduled'
        ORDER BY a."startsAt" ASC LIMIT 1
      ) nv ON true
      WHERE ${where}
      ORDER BY ${orderBy}, c.id
      LIMIT ${params.limit} OFFSET ${params.offset}`,
    ctx.db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM customers c WHERE ${where}`,
  ]);
  const customers = await ctx.db.customer.findMany({ where: { id: { in: rows.map((r) => r.id) }, companyId: ctx.companyId } });
  const byId = new Map(customers.map((c) => [c.id, c]));
  return {
    total: counted[0]?.total ?? 0,
    customers: rows.flatMap((r) => {
      const c = byId.get(r.id);
      if (!c) return [];
      return [
        {
          ...toDto(c),
          last_visit: r.last_at ? formatGermanDate(new Date(r.last_at), r.last_tz ?? "Europe/Berlin") : null,
          next_visit: r.next_at ? formatGermanDate(new Date(r.next_at), r.next_tz ?? "Europe/Berlin") : null,
        },
      ];
    }),
  };
}

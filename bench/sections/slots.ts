/**
 * Slot search on the built-in calendar: the next free slot and one day's availability for a
 * branch with 5 staff, with 1k / 10k / 100k appointments in the database. The appointments
 * inside the searched window stay the same at every size; the rest is history. Only the
 * window is loaded, so the cost must not grow with the history.
 */
import { performance } from "node:perf_hooks";
import { LocalCalendarProvider } from "@/server/calendar/local-provider";
import type { BranchRef, ServiceRef } from "@/server/calendar/provider";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { DEFAULT_COMPANY_SETTINGS } from "@/server/calendar/company-settings";
import { addDaysLocal } from "@/server/scheduling/local-date";
import { instantToLocal } from "@/server/scheduling/time";
import { defineSection, type Measurement } from "../lib/types";

export interface SlotBenchRow {
  appointments: number;
  operation: "nextFreeSlot" | "dayAvailability";
  opsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  iterations: number;
}

export interface SlotBenchOptions {
  sizes?: number[];
  /** Measured calls per operation and size (after a short warm-up). */
  iterations?: number;
  log?: (line: string) => void;
}

/** For `npm run bench`: in-process figures (no HTTP), printed next to the server measurements. */
export const section = defineSection({
  name: "slots (in-process, fresh PGlite)",
  async run(): Promise<Measurement[]> {
    const rows = await benchSlots();
    return rows.map((r) => ({
      label: `slots ${r.operation} ${r.appointments / 1000}k`,
      requestsPerSecond: r.opsPerSecond,
      latencyP50Ms: r.p50Ms,
      latencyP99Ms: r.p99Ms,
      failures: 0,
      total: r.iterations,
    }));
  },
});

/** Monday 2 March 2026, 08:00 in Berlin. */
const NOW = new Date("2026-03-02T07:00:00Z");
const TZ = "Europe/Berlin";
const STAFF = 5;
/** Upcoming appointments (the next 25 days), the same at every size; the rest is history. */
const UPCOMING = 150;

export async function benchSlots(options: SlotBenchOptions = {}): Promise<SlotBenchRow[]> {
  const sizes = options.sizes ?? [1_000, 10_000, 100_000];
  const iterations = options.iterations ?? 200;
  const log = options.log ?? console.log;
  const rows: SlotBenchRow[] = [];
  log("slots: built-in calendar, 1 branch, 5 staff, fresh PGlite per size");
  log("  appointments  operation        ops/s    p99 ms");
  for (const size of sizes) {
    const db = await createTestDb();
    try {
      const fixture = await prepare(db, size);
      const today = instantToLocal(NOW, TZ).date;
      const day = addDaysLocal(today, 3);
      const operations = {
        nextFreeSlot: () => fixture.provider.nextFreeSlot({ branch: fixture.branch, service: fixture.service, from: today }),
        dayAvailability: () => fixture.provider.availability({ branch: fixture.branch, service: fixture.service, from: day, to: day }),
      } as const;
      for (const [operation, run] of Object.entries(operations) as [SlotBenchRow["operation"], () => Promise<unknown>][]) {
        const row = { appointments: size, operation, iterations, ...(await measure(run, iterations)) };
        rows.push(row);
        log(`  ${String(size).padStart(12)}  ${operation.padEnd(15)} ${row.opsPerSecond.toFixed(0).padStart(7)}  ${row.p99Ms.toFixed(2).padStart(8)}`);
      }
    } finally {
      await db.close();
    }
  }
  return rows;
}

async function measure(run: () => Promise<unknown>, iterations: number): Promise<{ opsPerSecond: number; p50Ms: number; p99Ms: number }> {
  for (let i = 0; i < Math.min(20, iterations); i++) await run();
  const durations: number[] = [];
  const started = performance.now();
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await run();
    durations.push(performance.now() - t);
  }
  const total = performance.now() - started;
  durations.sort((a, b) => a - b);
  const percentile = (p: number) => durations[Math.min(durations.length - 1, Math.max(0, Math.ceil(durations.length * p) - 1))];
  return { opsPerSecond: (iterations / total) * 1000, p50Ms: percentile(0.5), p99Ms: percentile(0.99) };
}

async function prepare(db: TestDb, size: number) {
  const weekly = Object.fromEntries([1, 2, 3, 4, 5, 6].map((d) => [d, [{ open: "08:00", close: "20:00" }]]));
  const company = await db.prisma.company.create({ data: { slug: `bench-${size}`, name: "Bench", settings: { ...DEFAULT_COMPANY_SETTINGS } } });
  const branch = await db.prisma.branch.create({
    data: { companyId: company.id, name: "Bench", state: "BE", timeZone: TZ, businessHours: { weekly, breaks: { 1: [{ start: "13:00", end: "13:30" }] } } },
  });
  const service = await db.prisma.service.create({ data: { companyId: company.id, name: "Schnitt", durationMinutes: 30, bufferMinutes: 10 } });
  const hours = Object.fromEntries([1, 2, 3, 4, 5, 6].map((d) => [d, [{ start: "08:00", end: "20:00" }]]));
  for (let i = 0; i < STAFF; i++) {
    await db.prisma.staff.create({
      data: { companyId: company.id, branchId: branch.id, name: `Staff ${i}`, workingHours: hours, services: { create: { serviceId: service.id } } },
    });
  }
  const customer = await db.prisma.customer.create({ data: { companyId: company.id, phone: "+4917100000000", name: "Bench" } });

  // One statement per part: history going back from NOW, then the same upcoming appointments at every size.
  const staffIds = (await db.prisma.staff.findMany({ where: { branchId: branch.id }, orderBy: { name: "asc" } })).map((s) => s.id);
  const insert = (count: number, startExpr: string, upcoming: boolean) =>
    db.pglite.query(
      `INSERT INTO appointments (id, "companyId", "branchId", "customerId", "serviceId", "staffId", "startsAt", "endsAt", "bufferMinutes", status, source, "updatedAt")
       SELECT $1 || i, $2, $3, $4, $5, ($6::text[])[1 + i % ${STAFF}], ${startExpr}, ${startExpr} + interval '30 minutes', 10,
              $7::"AppointmentStatus", 'phone', now()
       FROM generate_series(1, ${count}) AS i`,
      [upcoming ? "up-" : "old-", company.id, branch.id, customer.id, service.id, staffIds, upcoming ? "scheduled" : "completed", NOW.toISOString()],
    );
  await insert(Math.max(0, size - UPCOMING), `($8::timestamptz - i * interval '47 minutes')`, false);
  // Six a day over the next 25 days, every other hour from 10:00, the five staff in turn.
  await insert(UPCOMING, `($8::timestamptz + ((i / 6) * interval '1 day') + (2 + (i % 6) * 2) * interval '1 hour')`, true);
  await db.pglite.exec("ANALYZE appointments");

  const provider = new LocalCalendarProvider({ db: db.prisma, companyId: company.id, settings: { ...DEFAULT_COMPANY_SETTINGS }, now: () => NOW });
  const branchRef: BranchRef = { id: branch.id, name: branch.name, timeZone: TZ, state: "BE", businessHours: branch.businessHours };
  const serviceRef: ServiceRef = { id: service.id, name: service.name, durationMinutes: 30, bufferMinutes: 10, calcomEventTypeId: null };
  return { provider, branch: branchRef, service: serviceRef };
}

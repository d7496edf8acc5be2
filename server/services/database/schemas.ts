import { z } from "zod";
import { isValidLocalDate } from "@/server/scheduling/local-date";
import { EXPORT_ENTITIES, EXPORT_ENTITY_NAMES } from "./entities";

export { EXPORT_ENTITY_NAMES };

/** The exportable entities with their German names, in export order (for the dashboard's choice). */
export const EXPORT_ENTITY_OPTIONS = EXPORT_ENTITY_NAMES.map((name) => ({ value: name, label: EXPORT_ENTITIES[name].label }));

/** A calendar day in the company's time zone. */
const day = z
  .string()
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isValidLocalDate(v), "Bitte ein Datum wie 2026-03-01 angeben (Jahr-Monat-Tag).");

/** The longest range statistics are counted for. */
export const MAX_RANGE_DAYS = 366;
/** Without a range: the last 30 days, today included. */
export const DEFAULT_RANGE_DAYS = 30;

export const statisticsParams = z.object({
  /** First day counted (company time zone); default: 29 days before `to`. */
  from: day.optional(),
  /** Last day counted, inclusive; default: today. */
  to: day.optional(),
});

const countRow = z.object({ count: z.number().int() });

export const statisticsResult = z.object({
  from: z.string(),
  to: z.string(),
  time_zone: z.string(),
  /** Rows of the company now, whatever the range. */
  counts: z.object({
    customers: z.number().int(),
    appointments: z.number().int(),
    calls: z.number().int(),
    staff: z.number().int(),
    services: z.number().int(),
    branches: z.number().int(),
    messages: z.number().int(),
    tasks: z.number().int(),
    open_tasks: z.number().int(),
    knowledge_entries: z.number().int(),
    phone_numbers: z.number().int(),
    users: z.number().int(),
    payments: z.number().int(),
  }),
  /** Appointments starting in the range. */
  appointments: z.object({
    total: z.number().int(),
    /** Every day of the range (company calendar), days without appointments as 0. */
    per_day: z.array(countRow.extend({ date: z.string() })),
    per_status: z.array(countRow.extend({ status: z.string(), label: z.string() })),
    /** staff_id null: appointments without a staff member. */
    per_staff: z.array(countRow.extend({ staff_id: z.string().nullable(), name: z.string() })),
    per_service: z.array(countRow.extend({ service_id: z.string(), name: z.string() })),
  }),
  /** Calls started in the range (received, when Retell sent no start). */
  calls: z.object({
    total: z.number().int(),
    /** Calls whose outcome is a booking. */
    booked: z.number().int(),
    /** booked / total, 0..1; null without calls. */
    booking_rate: z.number().nullable(),
  }),
});
export type Statistics = z.output<typeof statisticsResult>;

export const exportFormat = z.enum(["json", "csv"]);
export const exportEntity = z.enum(EXPORT_ENTITY_NAMES);

/** The largest page one export call answers. */
export const MAX_EXPORT_PAGE = 500;

export const exportParams = z.object({
  /** One entity, or `all` for the list of entities with their row counts and the download address. */
  entity: z.union([exportEntity, z.literal("all")]).default("all"),
  format: exportFormat.default("json"),
  /** The `next_cursor` of the previous page; absent for the first. */
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(MAX_EXPORT_PAGE).default(100),
});

export const exportResult = z.object({
  entity: z.string(),
  format: exportFormat,
  /** The whole export (or the entity's CSV) as a streamed download: GET with the same token or a dashboard session. */
  download_url: z.string(),
  /** entity `all`: every entity with its German name and row count. */
  entities: z.array(z.object({ name: z.string(), label: z.string(), count: z.number().int() })).optional(),
  /** One entity, JSON: this page's rows (dates as ISO text). */
  rows: z.array(z.record(z.string(), z.unknown())).optional(),
  /** One entity, CSV: header and this page's rows (`;`-separated, no byte order mark). */
  csv: z.string().optional(),
  /** Pass as `cursor` for the next page; null on the last. */
  next_cursor: z.string().nullable(),
});

export const healthParams = z.object({});

export const healthResult = z.object({
  /** pglite: the embedded database in the data folder; postgresql: a PostgreSQL server. */
  engine: z.enum(["pglite", "postgresql"]),
  engine_label: z.string(),
  server_version: z.string(),
  /** Round trip of `SELECT 1`. */
  latency_ms: z.number(),
  migrations: z.object({
    applied: z.number().int(),
    available: z.number().int(),
    latest_applied: z.string().nullable(),
    latest_available: z.string().nullable(),
    pending: z.array(z.string()),
    up_to_date: z.boolean(),
  }),
  /** The whole database (every company of the installation). */
  size_bytes: z.number(),
  /** The largest tables with their size (data and indexes). */
  tables: z.array(z.object({ name: z.string(), size_bytes: z.number() })),
});
export type DatabaseHealth = z.output<typeof healthResult>;

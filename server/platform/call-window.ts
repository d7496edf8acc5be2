/**
 * Calls through callMethod per company and minute over the last hour, kept in this process
 * (Prometheus counters only grow; the overview needs "how many failed lately"). Each company
 * has a ring of 60 one-minute buckets, so memory stays fixed however many calls arrive.
 */

export const WINDOW_MINUTES = 60;
const MS_PER_MINUTE = 60_000;
/** Bound on tracked companies; the least recently counted one is dropped beyond it. */
const MAX_COMPANIES = 10_000;

interface Bucket {
  minute: number;
  total: number;
  failed: number;
}

interface WindowStore {
  /** When counting began (module load): the window cannot reach back further. */
  startedAt: number;
  byCompany: Map<string, Bucket[]>;
}

// On globalThis so `next dev` module reloads keep the counts.
const storeKey = Symbol.for("askproai.callWindow");
const globalStore = globalThis as unknown as Record<symbol, WindowStore | undefined>;
let store: WindowStore = (globalStore[storeKey] ??= { startedAt: Date.now(), byCompany: new Map() });

export interface ErrorRate {
  total: number;
  failed: number;
  /** failed / total between 0 and 1; null without calls. */
  rate: number | null;
  /** Start of the counted period: an hour ago, or when counting began if that is later. */
  since: Date;
  /** True when the process has counted for less than the full hour. */
  sinceProcessStart: boolean;
}

/** Counts one finished call of a company. */
export function countCall(companyId: string, failed: boolean, nowMs = Date.now()): void {
  const minute = Math.floor(nowMs / MS_PER_MINUTE);
  let ring = store.byCompany.get(companyId);
  if (ring) {
    store.byCompany.delete(companyId); // re-inserted below: Map order is then least recently counted first
  } else {
    if (store.byCompany.size >= MAX_COMPANIES) store.byCompany.delete(store.byCompany.keys().next().value!);
    ring = Array.from({ length: WINDOW_MINUTES }, () => ({ minute: -1, total: 0, failed: 0 }));
  }
  store.byCompany.set(companyId, ring);
  const bucket = ring[minute % WINDOW_MINUTES]!;
  if (bucket.minute !== minute) Object.assign(bucket, { minute, total: 0, failed: 0 });
  bucket.total += 1;
  if (failed) bucket.failed += 1;
}

/** Calls and failures of a company in the last 60 minutes (the current minute included). */
export function errorRate(companyId: string, nowMs = Date.now()): ErrorRate {
  const current = Math.floor(nowMs / MS_PER_MINUTE);
  let total = 0;
  let failed = 0;
  for (const bucket of store.byCompany.get(companyId) ?? []) {
    if (bucket.minute <= current - WINDOW_MINUTES || bucket.minute > current) continue;
    total += bucket.total;
    failed += bucket.failed;
  }
  const hourAgo = (current - WINDOW_MINUTES + 1) * MS_PER_MINUTE;
  const sinceProcessStart = store.startedAt > hourAgo;
  return {
    total,
    failed,
    rate: total === 0 ? null : failed / total,
    since: new Date(sinceProcessStart ? store.startedAt : hourAgo),
    sinceProcessStart,
  };
}

/** Starts counting afresh (tests). */
export function resetCallWindow(startedAtMs = Date.now()): void {
  store = globalStore[storeKey] = { startedAt: startedAtMs, byCompany: new Map() };
}

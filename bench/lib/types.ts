/** One load test: what was measured and how it went. */
export interface Measurement {
  label: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Answers that were not 2xx, plus connection errors and timeouts. */
  failures: number;
  total: number;
}

export interface LoadOptions {
  path: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Defaults from the command line (--connections, --duration). */
  connections?: number;
  durationSeconds?: number;
}

export interface BenchContext {
  /** e.g. "http://127.0.0.1:41234" */
  baseUrl: string;
  /** An API token of the demo company (all servers). */
  token: string;
  connections: number;
  durationSeconds: number;
  /** Runs a warm-up and then the measured load. */
  load(label: string, opts: LoadOptions): Promise<Measurement>;
  /** The bare route handler measured at the start of this run. */
  baseline: Measurement;
}

/**
 * A part of `npm run bench`: a file in bench/sections/ that exports `section = defineSection(...)`.
 * Sections run in file-name order against the same server; every measurement they return is
 * printed next to the baseline.
 */
export interface BenchSection {
  name: string;
  run(ctx: BenchContext): Promise<Measurement[]>;
}

export function defineSection(section: BenchSection): BenchSection {
  return section;
}

/**
 * Resilience for outbound calls: per service and scope (the company, or the upstream host for
 * calls made for no company) a circuit breaker that opens after consecutive failed requests
 * and closes as §8.2 of the specification asks (./half-open-breaker.ts), so one company's
 * broken connection never blocks another company's calls; a per-attempt timeout and a retry
 * with exponential backoff.
 *
 * Contract for callers of `runResilient`: the operation throws
 * - `UpstreamHttpError` for answers that mean the service is in trouble (408, 429, 5xx),
 * - `AppError` for answers that are the caller's problem (401, 404, 400, ...): these pass
 *   through untouched, are never retried and do not count against the breaker,
 * - whatever fetch throws for network failures (classified here by their error codes).
 * Everything that makes the service unreachable comes out as the service's "unavailable"
 * `AppError` with `retryAfter` in seconds.
 */
import {
  BrokenCircuitError,
  CircuitState,
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  handleWhen,
  noJitterGenerator,
  retry,
  timeout,
  wrap,
} from "cockatiel";
import { AppError, ErrorCodes, type ErrorCode } from "@/server/core/errors";
import { HalfOpenBreaker } from "./half-open-breaker";
import { mcpEnv } from "./mcp-env";

export type OutboundService = "calcom" | "retell" | "external_api" | "sms";
export type CircuitStateName = "closed" | "open" | "half_open";
/** Prometheus encoding of a breaker's state: 0 closed, 1 open, 2 half-open. */
export type CircuitStateValue = 0 | 1 | 2;

export interface ResilienceSettings {
  /** Consecutive failed requests (each attempt counts) that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit rejects calls before it lets trial calls through. */
  halfOpenAfterMs: number;
  /** Successful trial calls that close a half-open circuit (§8.2 success_threshold). */
  successThreshold: number;
  /** Trial calls a half-open circuit admits at most; further calls are refused (§8.2 half_open_requests). */
  halfOpenRequests: number;
  /** Off: no breaker at all, every call goes out (MCP_CIRCUIT_BREAKER_ENABLED=false). */
  breakerEnabled: boolean;
  /** Attempts per call, the first one included. */
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  /** Timeout of a single attempt. */
  timeoutMs: number;
}

/** §8.2 of the specification; failureThreshold, halfOpenAfterMs and breakerEnabled may come from MCP_CIRCUIT_BREAKER_* (see `defaultSettings`). */
export const DEFAULT_RESILIENCE_SETTINGS: Readonly<ResilienceSettings> = {
  failureThreshold: 5,
  halfOpenAfterMs: 60_000,
  successThreshold: 2,
  halfOpenRequests: 3,
  breakerEnabled: true,
  maxAttempts: 3,
  initialDelayMs: 1_000,
  maxDelayMs: 10_000,
  timeoutMs: 10_000,
};

export const OUTBOUND_SERVICES: readonly OutboundService[] = ["calcom", "retell", "external_api", "sms"];

// The error table has no code for an unreachable third-party API, so external_api and sms report RATE_LIMITED.
const serviceErrors: Record<OutboundService, { code: ErrorCode; subject: string }> = {
  calcom: { code: ErrorCodes.CALCOM_BOOKING_FAILED, subject: "Der Kalender" },
  retell: { code: ErrorCodes.RETELL_UNAVAILABLE, subject: "Der Telefonassistent" },
  external_api: { code: ErrorCodes.RATE_LIMITED, subject: "Der externe Dienst" },
  sms: { code: ErrorCodes.RATE_LIMITED, subject: "Der SMS-Anbieter" },
};

/** An HTTP answer that says the service is overloaded or failing (see `isUpstreamFailureStatus`). */
export class UpstreamHttpError extends Error {
  constructor(
    readonly status: number,
    readonly headers: Headers,
    detail?: string,
  ) {
    super(`Upstream answered ${status}${detail ? `: ${detail}` : ""}`);
    this.name = "UpstreamHttpError";
  }
}

export function isUpstreamFailureStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

export interface RunOptions {
  /** True when repeating the operation cannot duplicate a side effect (reads, PUT-like updates). */
  idempotent: boolean;
  /** Overrides the service's per-attempt timeout. */
  timeoutMs?: number;
  /** Whose breaker the call counts against: the company id, or the upstream host. */
  scope?: string;
}

/** Scope of calls made without one (key checks before a company is stored, tests). */
export const DEFAULT_SCOPE = "";

export interface ServicePolicy {
  readonly service: OutboundService;
  readonly scope: string;
  readonly settings: Readonly<ResilienceSettings>;
  readonly breaker: HalfOpenBreaker;
}

type Listener = (service: OutboundService, state: CircuitStateName, scope: string) => void;

type ServiceCircuit = ServicePolicy;

interface Store {
  /** Keyed by `circuitKey(service, scope)`. */
  circuits: Map<string, ServiceCircuit>;
  overrides: Map<OutboundService, Partial<ResilienceSettings>>;
  listeners: Set<Listener>;
}

// On globalThis so breaker state and listeners survive module reloads in `next dev`.
const storeKey = Symbol.for("askproai.resilience");
const globalStore = globalThis as unknown as Record<symbol, Store | undefined>;
const store: Store = (globalStore[storeKey] ??= { circuits: new Map(), overrides: new Map(), listeners: new Set() });

const circuitKey = (service: OutboundService, scope: string) => `${service}\u0000${scope}`;

/** Replaces settings of one service (tests, env configuration) and starts it with a closed circuit. */
export function configureResilience(service: OutboundService, overrides: Partial<ResilienceSettings>): void {
  store.overrides.set(service, { ...store.overrides.get(service), ...overrides });
  for (const [key, circuit] of store.circuits) if (circuit.service === service) store.circuits.delete(key);
}

/** Closes every circuit and drops all settings overrides. */
export function resetCircuits(): void {
  store.circuits.clear();
  store.overrides.clear();
}

const stateValues = { closed: 0, open: 1, half_open: 2 } as const;

/**
 * With a scope: the breakers of that company (or host) alone, as its overview shows them.
 * Without: per service the worst state of any scope, for the operator's health and metrics.
 */
export function circuitStates(scope?: string): Record<OutboundService, CircuitStateName> {
  if (scope !== undefined) {
    return mapServices((service) => stateName(store.circuits.get(circuitKey(service, scope))?.breaker.state ?? CircuitState.Closed));
  }
  const severity = { closed: 0, half_open: 1, open: 2 } as const;
  const worst = mapServices<CircuitStateName>(() => "closed");
  for (const circuit of store.circuits.values()) {
    const state = stateName(circuit.breaker.state);
    if (severity[state] > severity[worst[circuit.service]]) worst[circuit.service] = state;
  }
  return worst;
}

export function circuitStateValues(): Record<OutboundService, CircuitStateValue> {
  const states = circuitStates();
  return mapServices((service) => stateValues[states[service]]);
}

/** Subscribes to circuit transitions; returns the unsubscribe function. */
export function onCircuitStateChange(listener: Listener): () => void {
  store.listeners.add(listener);
  return () => store.listeners.delete(listener);
}

export async function runResilient<T>(
  service: OutboundService,
  operation: (signal: AbortSignal) => Promise<T>,
  options: RunOptions,
): Promise<T> {
  const circuit = circuitFor(service, options.scope ?? DEFAULT_SCOPE);
  const { settings } = circuit;
  // A request that was refused before connecting cannot have reached the server, so even
  // a booking may repeat it; anything later may have been processed and is only repeated
  // when the operation is idempotent.
  const retryable = options.idempotent ? isServiceFailure : (e: Error) => failureKind(e) === "refused";
  const retries = retry(handleWhen(retryable), {
    maxAttempts: settings.maxAttempts - 1,
    backoff: new ExponentialBackoff({
      initialDelay: settings.initialDelayMs,
      maxDelay: settings.maxDelayMs,
      exponent: 2,
      generator: noJitterGenerator,
    }),
  });
  const attemptTimeout = timeout(options.timeoutMs ?? settings.timeoutMs, TimeoutStrategy.Aggressive);
  try {
    return await wrap(retries, circuit.breaker, attemptTimeout).execute(({ signal }) => operation(signal));
  } catch (error) {
    throw toAppError(circuit, error);
  }
}

/** The AppError for a 429: no retry, the caller is told when to come back. */
export function rateLimitError(service: OutboundService, headers: Headers, nowMs = Date.now()): AppError {
  const retryAfter = retryAfterFromHeaders(headers, nowMs) ?? 60;
  const { code, subject } = serviceErrors[service];
  return new AppError(code, `${subject} ist gerade überlastet. Bitte versuchen Sie es ${waitPhrase(retryAfter)} erneut.`, {
    retryAfter,
  });
}

/**
 * Seconds to wait according to `Retry-After` (seconds or HTTP date) or Cal.com's
 * `X-RateLimit-Reset-Default` (seconds until reset, or an epoch in s/ms).
 */
export function retryAfterFromHeaders(headers: Headers, nowMs = Date.now()): number | undefined {
  const retryAfter = headers.get("retry-after")?.trim();
  if (retryAfter) {
    const seconds = /^\d+(\.\d+)?$/.test(retryAfter) ? Number(retryAfter) : (Date.parse(retryAfter) - nowMs) / 1000;
    if (Number.isFinite(seconds)) return atLeastOneSecond(seconds);
  }
  const reset = Number(headers.get("x-ratelimit-reset-default") ?? Number.NaN);
  if (!Number.isFinite(reset)) return undefined;
  if (reset > 1e12) return atLeastOneSecond((reset - nowMs) / 1000);
  if (reset > 1e9) return atLeastOneSecond(reset - nowMs / 1000);
  return atLeastOneSecond(reset);
}

function circuitFor(service: OutboundService, scope: string): ServiceCircuit {
  const key = circuitKey(service, scope);
  const existing = store.circuits.get(key);
  if (existing) return existing;
  const settings = { ...defaultSettings(), ...store.overrides.get(service) };
  const breaker = new HalfOpenBreaker({
    failureThreshold: settings.failureThreshold,
    successThreshold: settings.successThreshold,
    halfOpenRequests: settings.halfOpenRequests,
    openMs: settings.halfOpenAfterMs,
    isFailure: isServiceFailure,
    enabled: settings.breakerEnabled,
  });
  const circuit: ServiceCircuit = { service, scope, settings, breaker };
  breaker.onStateChange((state) => {
    if (store.circuits.get(key) !== circuit) return;
    for (const listener of store.listeners) {
      try {
        listener(service, stateName(state), scope);
      } catch {
        // A faulty subscriber (metrics, logging) must not break outbound calls.
      }
    }
  });
  store.circuits.set(key, circuit);
  return circuit;
}

/** The specification's defaults with what MCP_CIRCUIT_BREAKER_* set. */
function defaultSettings(): ResilienceSettings {
  const e = mcpEnv();
  return {
    ...DEFAULT_RESILIENCE_SETTINGS,
    breakerEnabled: e.MCP_CIRCUIT_BREAKER_ENABLED,
    failureThreshold: e.MCP_CIRCUIT_BREAKER_FAILURE_THRESHOLD,
    halfOpenAfterMs: e.MCP_CIRCUIT_BREAKER_TIMEOUT * 1000,
  };
}

type FailureKind = "refused" | "network" | "timeout" | "server" | "rate_limited";

// Errors that occur before a request is sent: the server cannot have seen it.
const notConnectedCodes = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

function failureKind(error: unknown): FailureKind | undefined {
  if (error instanceof AppError) return undefined;
  if (error instanceof TaskCancelledError) return "timeout";
  if (error instanceof UpstreamHttpError) return error.status === 429 ? "rate_limited" : "server";
  const code = systemErrorCode(error);
  if (code) return notConnectedCodes.has(code) ? "refused" : "network";
  if (error instanceof TypeError && error.message === "fetch failed") return "network";
  return undefined;
}

function isServiceFailure(error: unknown): boolean {
  const kind = failureKind(error);
  return kind !== undefined && kind !== "rate_limited";
}

/** The first Node/undici error code (ECONNREFUSED, UND_ERR_SOCKET, ...) along the cause chain. */
function systemErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(code)) return code;
    current = current.cause;
  }
  return undefined;
}

function toAppError(circuit: ServiceCircuit, error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof UpstreamHttpError && error.status === 429) return rateLimitError(circuit.service, error.headers);
  const circuitOpen = error instanceof BrokenCircuitError;
  if (!circuitOpen && !isServiceFailure(error)) return error;
  const announced = error instanceof UpstreamHttpError ? retryAfterFromHeaders(error.headers) : undefined;
  const retryAfter = announced ?? secondsUntilHalfOpen(circuit);
  const { code, subject } = serviceErrors[circuit.service];
  return new AppError(code, `${subject} ist gerade nicht erreichbar. Bitte versuchen Sie es ${waitPhrase(retryAfter)} erneut.`, {
    retryAfter,
    cause: error,
  });
}

/** While open: the time left until a test call is allowed; otherwise one full break period. */
function secondsUntilHalfOpen(circuit: ServiceCircuit): number {
  const { halfOpenAfterMs } = circuit.settings;
  const remainingMs =
    circuit.breaker.state === CircuitState.Open ? circuit.breaker.openedAt + halfOpenAfterMs - Date.now() : halfOpenAfterMs;
  return atLeastOneSecond(remainingMs / 1000);
}

function stateName(state: CircuitState): CircuitStateName {
  if (state === CircuitState.HalfOpen) return "half_open";
  return state === CircuitState.Closed ? "closed" : "open";
}

function mapServices<V>(value: (service: OutboundService) => V): Record<OutboundService, V> {
  return Object.fromEntries(OUTBOUND_SERVICES.map((service) => [service, value(service)])) as Record<OutboundService, V>;
}

function atLeastOneSecond(seconds: number): number {
  return Math.max(1, Math.ceil(seconds));
}

function waitPhrase(seconds: number): string {
  return seconds <= 60 ? "in einer Minute" : `in ${Math.ceil(seconds / 60)} Minuten`;
}

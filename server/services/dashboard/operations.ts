import type { ServiceContext } from "@/server/core/types";
import { circuitStates, OUTBOUND_SERVICES, type CircuitStateName, type OutboundService } from "@/server/platform/resilience";
import { errorRate, type ErrorRate } from "@/server/platform/call-window";
import { queueStats } from "@/server/services/queue/service";

export interface ProcessStatus {
  /** The company's own circuit breaker of each outbound service, as this process sees it. */
  circuits: Array<{ service: OutboundService; state: CircuitStateName }>;
  /** The company's calls through the service layer in the last hour. */
  errorRate: ErrorRate;
}

export interface OperationsStatus extends ProcessStatus {
  /** The company's background jobs (confirmations, reminders): failed ones and how long the oldest due one waits. */
  queue: { failed: number; oldestPendingSeconds: number | null };
}

/** Circuit breakers and the company's error rate, as this process sees them right now. */
export function getOperationsStatus(companyId: string, nowMs = Date.now()): ProcessStatus {
  const states = circuitStates(companyId);
  return {
    circuits: OUTBOUND_SERVICES.map((service) => ({ service, state: states[service] })),
    errorRate: errorRate(companyId, nowMs),
  };
}

/** The overview's operations card: this process's view and the company's queue. */
export async function getOperations(ctx: ServiceContext): Promise<OperationsStatus> {
  const stats = await queueStats(ctx, {});
  return { ...getOperationsStatus(ctx.companyId), queue: { failed: stats.failed, oldestPendingSeconds: stats.oldest_pending_seconds } };
}

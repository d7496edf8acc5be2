import { circuitStates, OUTBOUND_SERVICES, type CircuitStateName, type OutboundService } from "@/server/platform/resilience";
import { errorRate, type ErrorRate } from "@/server/platform/call-window";

export interface OperationsStatus {
  /** The company's own circuit breaker of each outbound service, as this process sees it. */
  circuits: Array<{ service: OutboundService; state: CircuitStateName }>;
  /** The company's calls through the service layer in the last hour. */
  errorRate: ErrorRate;
}

/** Circuit breakers and the company's error rate, as this process sees them right now. */
export function getOperationsStatus(companyId: string, nowMs = Date.now()): OperationsStatus {
  const states = circuitStates(companyId);
  return {
    circuits: OUTBOUND_SERVICES.map((service) => ({ service, state: states[service] })),
    errorRate: errorRate(companyId, nowMs),
  };
}

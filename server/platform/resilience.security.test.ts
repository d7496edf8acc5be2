/** One company's failing upstream must not open the breaker for every other company. */
import { afterEach, describe, expect, it } from "vitest";
import { getOperationsStatus } from "@/server/services/dashboard/operations";
import { circuitStates, configureResilience, resetCircuits, runResilient, UpstreamHttpError } from "@/server/platform/resilience";

afterEach(() => resetCircuits());

const failing = () => Promise.reject(new UpstreamHttpError(503, new Headers()));
const succeeding = () => Promise.resolve("ok");

describe("circuit breakers are kept per service and company", () => {
  it("opens company A's Cal.com breaker while company B's calls still go through", async () => {
    configureResilience("calcom", { failureThreshold: 2, maxAttempts: 1 });
    for (let i = 0; i < 3; i++) {
      await expect(runResilient("calcom", failing, { idempotent: true, scope: "company-a" })).rejects.toMatchObject({ code: 2004 });
    }
    expect(circuitStates("company-a").calcom).toBe("open");
    // A's open circuit answers without calling upstream at all.
    let called = false;
    await expect(
      runResilient("calcom", async () => ((called = true), "x"), { idempotent: true, scope: "company-a" }),
    ).rejects.toMatchObject({ code: 2004 });
    expect(called).toBe(false);

    await expect(runResilient("calcom", succeeding, { idempotent: true, scope: "company-b" })).resolves.toBe("ok");
    expect(circuitStates("company-b").calcom).toBe("closed");
  });

  it("shows each company its own state in the overview; the operator's view shows the worst", async () => {
    configureResilience("retell", { failureThreshold: 1, maxAttempts: 1 });
    await expect(runResilient("retell", failing, { idempotent: true, scope: "company-a" })).rejects.toBeDefined();
    expect(getOperationsStatus("company-a").circuits).toContainEqual({ service: "retell", state: "open" });
    expect(getOperationsStatus("company-b").circuits).toContainEqual({ service: "retell", state: "closed" });
    expect(circuitStates().retell).toBe("open");
  });
});

import { BrokenCircuitError, CircuitState } from "cockatiel";
import { describe, expect, it } from "vitest";
import { HalfOpenBreaker } from "./half-open-breaker";

class Down extends Error {}
const ok = () => Promise.resolve("ok");
const down = () => Promise.reject(new Down("down"));

function breaker(now: { t: number }) {
  return new HalfOpenBreaker({
    failureThreshold: 5,
    successThreshold: 2,
    halfOpenRequests: 3,
    openMs: 60_000,
    isFailure: (e) => e instanceof Down,
    now: () => now.t,
  });
}

async function open(b: HalfOpenBreaker) {
  for (let i = 0; i < 5; i++) await expect(b.execute(down)).rejects.toBeInstanceOf(Down);
}

describe("HalfOpenBreaker (§8.2)", () => {
  it("opens after five consecutive failures; a success in between starts the count again", async () => {
    const b = breaker({ t: 0 });
    for (let i = 0; i < 4; i++) await b.execute(down).catch(() => undefined);
    await b.execute(ok);
    for (let i = 0; i < 4; i++) await b.execute(down).catch(() => undefined);
    expect(b.state).toBe(CircuitState.Closed);
    await b.execute(down).catch(() => undefined);
    expect(b.state).toBe(CircuitState.Open);
  });

  it("refuses calls for the whole timeout, then needs two successful trials to close", async () => {
    const now = { t: 0 };
    const b = breaker(now);
    await open(b);
    now.t = 59_999;
    await expect(b.execute(ok)).rejects.toBeInstanceOf(BrokenCircuitError);
    now.t = 60_000;
    await b.execute(ok);
    expect(b.state).toBe(CircuitState.HalfOpen);
    await b.execute(ok);
    expect(b.state).toBe(CircuitState.Closed);
  });

  it("refuses a fourth trial call while three are running", async () => {
    const now = { t: 0 };
    const b = breaker(now);
    await open(b);
    now.t = 60_000;
    const releases: Array<() => void> = [];
    const slow = () => new Promise<string>((resolve) => releases.push(() => resolve("ok")));
    const trials = [b.execute(slow), b.execute(slow), b.execute(slow)];
    let ran = false;
    await expect(b.execute(async () => ((ran = true), "ok"))).rejects.toBeInstanceOf(BrokenCircuitError);
    expect(ran).toBe(false);
    for (const release of releases) release();
    await Promise.all(trials);
    expect(b.state).toBe(CircuitState.Closed);
  });

  it("opens again on a failed trial, and ignores a late answer of a call admitted before", async () => {
    const now = { t: 0 };
    const b = breaker(now);
    let finishOld!: () => void;
    const old = b.execute(() => new Promise<string>((_, reject) => (finishOld = () => reject(new Down("late")))));
    await open(b);
    now.t = 60_000;
    await b.execute(ok);
    finishOld();
    await expect(old).rejects.toBeInstanceOf(Down);
    expect(b.state).toBe(CircuitState.HalfOpen);
    await expect(b.execute(down)).rejects.toBeInstanceOf(Down);
    expect(b.state).toBe(CircuitState.Open);
    expect(b.openedAt).toBe(60_000);
  });

  it("counts an answer that is the caller's problem as the service answering", async () => {
    const b = breaker({ t: 0 });
    for (let i = 0; i < 8; i++) await expect(b.execute(() => Promise.reject(new TypeError("400")))).rejects.toBeInstanceOf(TypeError);
    expect(b.state).toBe(CircuitState.Closed);
  });
});

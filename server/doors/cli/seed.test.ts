import { describe, expect, it } from "vitest";
import { demoSeedAllowed } from "./seed";

describe("demoSeedAllowed", () => {
  it("seeds in development unless SEED_DEMO says no, and in production only when it says yes", () => {
    expect(demoSeedAllowed({ NODE_ENV: "development" })).toBe(true);
    expect(demoSeedAllowed({})).toBe(true);
    for (const no of ["false", "0", "no", "FALSE"]) expect(demoSeedAllowed({ NODE_ENV: "development", SEED_DEMO: no }), no).toBe(false);
    expect(demoSeedAllowed({ NODE_ENV: "production" })).toBe(false);
    expect(demoSeedAllowed({ NODE_ENV: "production", SEED_DEMO: "false" })).toBe(false);
    for (const yes of ["true", "1", "yes"]) expect(demoSeedAllowed({ NODE_ENV: "production", SEED_DEMO: yes }), yes).toBe(true);
  });
});

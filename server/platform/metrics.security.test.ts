/** /api/metrics is never public in production: without METRICS_TOKEN nobody reads the figures there. */
import { describe, expect, it } from "vitest";
import { handleMetricsRequest } from "@/server/platform/metrics";

const request = (authorization?: string) =>
  new Request("http://app.test/api/metrics", { headers: authorization ? { authorization } : {} });

describe("metrics in production", () => {
  it("refuses every request when no METRICS_TOKEN is configured", async () => {
    const res = await handleMetricsRequest(request(), undefined, true);
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain("mcp_request_total");
    expect((await handleMetricsRequest(request("Bearer "), undefined, true)).status).toBe(401);
  });

  it("answers with the configured token only", async () => {
    const token = "metrics-token-0123456789";
    expect((await handleMetricsRequest(request(), token, true)).status).toBe(401);
    expect((await handleMetricsRequest(request(`Bearer ${token}`), token, true)).status).toBe(200);
  });

  it("stays open in development when no token is set", async () => {
    expect((await handleMetricsRequest(request(), undefined, false)).status).toBe(200);
  });
});

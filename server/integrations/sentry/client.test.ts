/** Sentry's web API client against the fake over HTTP: Link-header pages, the issue and its latest event, refusals. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeSentry, type FakeSentry } from "@/server/integrations/fakes/sentry-server";
import { nextCursor, SentryApiClient, SentryApiError } from "./client";

let sentry: FakeSentry;
const client = (token = "tok_operator") => new SentryApiClient({ baseUrl: sentry.apiUrl, token, org: "org" });

beforeAll(async () => {
  sentry = await startFakeSentry({ token: "tok_operator", org: "org", pageSize: 2 });
  for (const id of ["1", "2", "3", "4"]) sentry.state.addIssue({ id, title: `Error ${id}`, count: String(Number(id) * 10) });
});
afterAll(() => sentry.close());

describe("nextCursor", () => {
  it("takes the next cursor only when Sentry announces results", () => {
    const link = (results: string) =>
      `<https://sentry.io/api/0/organizations/org/issues/?&cursor=0:0:1>; rel="previous"; results="false"; cursor="0:0:1", <https://sentry.io/api/0/organizations/org/issues/?&cursor=0:100:0>; rel="next"; results="${results}"; cursor="0:100:0"`;
    expect(nextCursor(link("true"))).toBe("0:100:0");
    expect(nextCursor(link("false"))).toBeNull();
    expect(nextCursor(null)).toBeNull();
  });
});

describe("SentryApiClient", () => {
  it("reads every page by following the cursor until no more results are announced", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await client().listIssues({ query: "", cursor });
      seen.push(...page.issues.map((i) => `${i.id}:${i.count}`));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(["1:10", "2:20", "3:30", "4:40"]);
    expect(sentry.state.requestsTo("GET", "/api/0/organizations/org/issues/")).toHaveLength(2);
  });

  it("reads one issue and its latest event", async () => {
    sentry.state.latestEvents.set("2", { eventID: "e2", entries: [{ type: "exception", data: { values: [{ type: "TypeError", value: "x" }] } }], tags: [] });
    expect(await client().getIssue("2")).toMatchObject({ id: "2", title: "Error 2", count: 20 });
    expect((await client().latestEvent("2")).entries[0]).toMatchObject({ type: "exception" });
  });

  it("names a refused token, an unknown issue and an unreachable Sentry", async () => {
    await expect(client("tok_wrong").listIssues()).rejects.toMatchObject({ kind: "unauthorized", status: 401, message: "Sentry lehnt das Zugriffs-Token ab." });
    await expect(client().getIssue("404")).rejects.toMatchObject({ kind: "not_found" });
    const offline = new SentryApiClient({ baseUrl: "http://127.0.0.1:2/api/0/", token: "t", org: "org" });
    await expect(offline.listIssues()).rejects.toBeInstanceOf(SentryApiError);
    await expect(offline.listIssues()).rejects.toMatchObject({ kind: "unavailable" });
  });
});

import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { PATH_HEADER } from "./callback-url";
import type { SessionUser } from "./credentials";
import { guardRequest } from "./route-guard";

const SECRET = "route-guard-test-secret-0123456789abcdef";
const user: SessionUser = {
  id: "u1",
  name: "Petra Schön",
  email: "admin@salon-demo.de",
  role: "admin",
  companyId: "c1",
  companyName: "Salon Schönschnitt",
  companySlug: "demo",
};

async function request(path: string, token?: { secret?: string; user?: SessionUser }) {
  const headers = new Headers();
  if (token) {
    const jwt = await encode({ token: { sub: "u1", user: token.user }, secret: token.secret ?? SECRET });
    headers.set("cookie", `next-auth.session-token=${jwt}`);
  }
  return new NextRequest(new URL(path, "http://127.0.0.1:3100"), { headers });
}

/** Path and query of the redirect target (NextRequest spells 127.0.0.1 as localhost). */
const location = (res: Response) => {
  const target = res.headers.get("location");
  return target === null ? null : `${new URL(target).pathname}${new URL(target).search}`;
};
/** NextResponse.next() marks headers it passes on to the page with this prefix. */
const passedPath = (res: Response) => res.headers.get(`x-middleware-request-${PATH_HEADER}`);

describe("guardRequest", () => {
  it("sends a logged-out visit of a dashboard page to the login, remembering the page", async () => {
    const res = await guardRequest(await request("/termine?tag=heute"), SECRET);
    expect(res.status).toBe(307);
    expect(location(res)).toBe("/login?callbackUrl=%2Ftermine%3Ftag%3Dheute");
  });

  it("sends the bare root to the plain login page", async () => {
    const res = await guardRequest(await request("/"), SECRET);
    expect(location(res)).toBe("/login");
  });

  it("lets a logged-in visit pass and hands the path on to the page", async () => {
    const res = await guardRequest(await request("/anrufe?seite=2", { user }), SECRET);
    expect(location(res)).toBeNull();
    expect(res.headers.get("x-middleware-next")).toBe("1");
    expect(passedPath(res)).toBe("/anrufe?seite=2");
  });

  it("treats a token signed with another secret, or without user, as logged out", async () => {
    expect(location(await guardRequest(await request("/uebersicht", { user, secret: "another-secret-another-secret-1234" }), SECRET))).toMatch(/\/login$/);
    expect(location(await guardRequest(await request("/uebersicht", {}), SECRET))).toMatch(/\/login$/);
  });

  it("lets logged-out visitors reach the set-up wizard and a password link, but not pages that merely start alike", async () => {
    for (const path of ["/einrichtung", "/passwort-setzen/abc123"]) {
      const res = await guardRequest(await request(path), SECRET);
      expect(location(res)).toBeNull();
      expect(res.headers.get("x-middleware-next")).toBe("1");
    }
    expect(location(await guardRequest(await request("/einrichtungen"), SECRET))).toBe("/login?callbackUrl=%2Feinrichtungen");
  });

  it("shows the login page to logged-out visitors", async () => {
    const res = await guardRequest(await request("/login?callbackUrl=%2Ftermine"), SECRET);
    expect(location(res)).toBeNull();
    expect(res.headers.get("x-middleware-next")).toBe("1");
  });

  it("leaves the login page to the page itself when the cookie names a user, so an ended session cannot bounce between login and dashboard", async () => {
    // The cookie alone cannot tell whether its user is still active; the login page checks the
    // database and sends a live session on to a safe target (safeCallbackPath, tested with it).
    for (const path of ["/login?callbackUrl=%2Ftermine", "/login?callbackUrl=https%3A%2F%2Fevil.example"]) {
      const res = await guardRequest(await request(path, { user }), SECRET);
      expect(location(res)).toBeNull();
      expect(res.headers.get("x-middleware-next")).toBe("1");
    }
  });
});

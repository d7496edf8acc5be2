import { describe, expect, it } from "vitest";
import { userMayCall } from "./method-access";

describe("userMayCall", () => {
  it("follows the methods' roles: writes for admins, reads for everyone", () => {
    expect(userMayCall("queue.retry", "admin")).toBe(true);
    expect(userMayCall("queue.retry", "staff")).toBe(false);
    expect(userMayCall("knowledge.upsert", "staff")).toBe(false);
    expect(userMayCall("knowledge.list", "staff")).toBe(true);
  });

  it("honours a method's own roles", () => {
    // Staff book appointments themselves (appointments.book names both roles).
    expect(userMayCall("appointments.book", "staff")).toBe(true);
  });

  it("allows nothing for an unknown method", () => {
    expect(userMayCall("queue.nothing", "admin")).toBe(false);
  });
});

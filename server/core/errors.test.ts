import { describe, expect, it } from "vitest";
import { trpcCodeFor } from "@/server/doors/trpc/errors";
import { AppError, ErrorCodes, errorSpec } from "./errors";

describe("the error table", () => {
  it("has one row per code, each with a type, a tRPC code and an HTTP status", () => {
    const codes = Object.values(ErrorCodes);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      const spec = errorSpec(code);
      expect(spec?.code).toBe(code);
      expect(spec?.type).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(spec?.http).toBeGreaterThanOrEqual(400);
    }
  });

  it("maps a taken slot to CONFLICT, a bad Retell key to PRECONDITION_FAILED and Retell down to SERVICE_UNAVAILABLE", () => {
    expect(trpcCodeFor(ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE)).toBe("CONFLICT");
    expect(trpcCodeFor(ErrorCodes.RETELL_INVALID_API_KEY)).toBe("PRECONDITION_FAILED");
    expect(trpcCodeFor(ErrorCodes.RETELL_UNAVAILABLE)).toBe("SERVICE_UNAVAILABLE");
    expect(trpcCodeFor(ErrorCodes.DATABASE_ERROR)).toBe("SERVICE_UNAVAILABLE");
    expect(trpcCodeFor(ErrorCodes.RATE_LIMITED)).toBe("TOO_MANY_REQUESTS");
    expect(trpcCodeFor(ErrorCodes.NOT_FOUND)).toBe("NOT_FOUND");
    expect(trpcCodeFor(ErrorCodes.INVALID_DATE)).toBe("BAD_REQUEST");
  });

  it("answers an unknown code as an internal error", () => {
    expect(errorSpec(9999)).toBeUndefined();
    expect(trpcCodeFor(9999)).toBe("INTERNAL_SERVER_ERROR");
    expect(new AppError(9999 as never, "x").type).toBe("Error");
  });

  it("gives an AppError the type of its row", () => {
    expect(new AppError(ErrorCodes.INVALID_PHONE, "Ungültige Nummer").type).toBe("InvalidPhoneNumber");
    expect(new AppError(ErrorCodes.CALCOM_BOOKING_FAILED, "x").type).toBe("ServiceUnavailable");
  });
});

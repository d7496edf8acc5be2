/** The overview's error rate counts failures of AskProAI, not the refusals the business means to give. */
import { beforeEach, describe, expect, it } from "vitest";
import { ErrorCodes, INVALID_PARAMS_CODE, isFailureCode, REFUSAL_CODES } from "@/server/core/errors";
import { errorRate, resetCallWindow } from "@/server/platform/call-window";
import { recordCall } from "@/server/platform/metrics";

beforeEach(() => resetCallWindow(Date.now() - 2 * 3_600_000));

describe("refusals and failures", () => {
  it("names a taken slot, closed hours, invalid input and the rate limit as refusals", () => {
    for (const code of [
      ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE,
      ErrorCodes.OUTSIDE_BUSINESS_HOURS,
      ErrorCodes.INVALID_PHONE,
      ErrorCodes.INVALID_DATE,
      ErrorCodes.DATE_IN_PAST,
      ErrorCodes.RATE_LIMITED,
      INVALID_PARAMS_CODE,
    ]) {
      expect(isFailureCode(code), String(code)).toBe(false);
    }
  });

  it("counts dependency, database, set-up and unexpected errors as failures", () => {
    for (const code of [
      ErrorCodes.RETELL_UNAVAILABLE,
      ErrorCodes.RETELL_INVALID_API_KEY,
      ErrorCodes.CALCOM_BOOKING_FAILED,
      ErrorCodes.DATABASE_ERROR,
      ErrorCodes.SERVICE_NOT_MAPPED,
      -32603,
    ]) {
      expect(isFailureCode(code), String(code)).toBe(true);
    }
    expect(REFUSAL_CODES.has(ErrorCodes.STRIPE_UNAVAILABLE)).toBe(false);
  });

  it("leaves refusals out of the company's error rate but counts them as calls", () => {
    recordCall("appointments", "appointments.book", 0.01, undefined, "salon");
    recordCall("appointments", "appointments.book", 0.01, ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE, "salon");
    recordCall("appointments", "appointments.book", 0.01, ErrorCodes.OUTSIDE_BUSINESS_HOURS, "salon");
    recordCall("appointments", "appointments.book", 0.01, ErrorCodes.CALCOM_BOOKING_FAILED, "salon");

    expect(errorRate("salon")).toMatchObject({ total: 4, failed: 1, rate: 0.25 });
  });
});

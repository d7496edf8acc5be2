import { beforeEach, describe, expect, it } from "vitest";
import { countCall, errorRate, resetCallWindow } from "./call-window";

const T0 = Date.parse("2026-03-10T08:00:00Z");
const minutes = (n: number) => T0 + n * 60_000;

beforeEach(() => resetCallWindow(minutes(-600))); // counting began ten hours before T0

describe("the error rate window", () => {
  it("counts calls and failures of the last 60 minutes per company", () => {
    countCall("a", false, minutes(0));
    countCall("a", true, minutes(0.5));
    countCall("a", false, minutes(30));
    countCall("a", true, minutes(59));
    countCall("b", true, minutes(10));

    expect(errorRate("a", minutes(59.5))).toEqual({
      total: 4,
      failed: 2,
      rate: 0.5,
      since: new Date(minutes(0)),
      sinceProcessStart: false,
    });
    expect(errorRate("b", minutes(59.5))).toMatchObject({ total: 1, failed: 1, rate: 1 });
    expect(errorRate("nobody", minutes(59.5))).toMatchObject({ total: 0, failed: 0, rate: null });
  });

  it("lets minutes older than an hour drop out, also when their ring slot is reused", () => {
    countCall("a", true, minutes(0));
    countCall("a", false, minutes(1));
    expect(errorRate("a", minutes(60))).toMatchObject({ total: 1, failed: 0, rate: 0 }); // minute 0 has left
    countCall("a", false, minutes(60)); // same slot as minute 0
    expect(errorRate("a", minutes(60.9))).toMatchObject({ total: 2, failed: 0 });
    expect(errorRate("a", minutes(200))).toMatchObject({ total: 0, rate: null });
  });

  it("says so when the process has counted for less than an hour", () => {
    resetCallWindow(minutes(-12));
    countCall("a", true, minutes(-1));
    const rate = errorRate("a", minutes(0));
    expect(rate).toMatchObject({ total: 1, failed: 1, sinceProcessStart: true });
    expect(rate.since).toEqual(new Date(minutes(-12)));
  });
});

import { describe, expect, it } from "vitest";
import { BlockedTimes, UnassignedLoad, type MsInterval } from "./busy-index";

const iv = (start: number, end: number): MsInterval => ({ start, end });

/** Reference answer by scanning every interval. */
const naiveOverlaps = (intervals: MsInterval[], start: number, end: number) =>
  intervals.some((i) => i.end > i.start && i.start < end && start < i.end);

describe("BlockedTimes", () => {
  it("treats intervals as half-open: touching is not overlapping", () => {
    const blocked = new BlockedTimes([iv(10, 20)]);
    expect(blocked.overlaps(0, 10)).toBe(false);
    expect(blocked.overlaps(20, 30)).toBe(false);
    expect(blocked.overlaps(19, 21)).toBe(true);
    expect(blocked.overlaps(5, 11)).toBe(true);
    expect(blocked.overlaps(12, 13)).toBe(true);
  });

  it("merges unsorted, nested and touching intervals", () => {
    const blocked = new BlockedTimes([iv(50, 60), iv(10, 40), iv(15, 20), iv(40, 45)]);
    expect(blocked.overlaps(44, 46)).toBe(true);
    expect(blocked.overlaps(45, 50)).toBe(false);
    expect(blocked.overlaps(25, 26)).toBe(true);
  });

  it("ignores empty intervals and answers false when nothing is blocked", () => {
    expect(new BlockedTimes([iv(10, 10)]).overlaps(0, 100)).toBe(false);
    expect(new BlockedTimes([]).overlaps(0, 100)).toBe(false);
  });

  it("agrees with a full scan on random data", () => {
    let seed = 42;
    const random = (max: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % max;
    };
    const intervals = Array.from({ length: 300 }, () => {
      const start = random(10_000);
      return iv(start, start + random(60));
    });
    const blocked = new BlockedTimes(intervals);
    for (let k = 0; k < 2_000; k++) {
      const start = random(10_100);
      const end = start + 1 + random(90);
      expect(blocked.overlaps(start, end)).toBe(naiveOverlaps(intervals, start, end));
    }
  });
});

describe("UnassignedLoad", () => {
  it("counts appointments running at the same moment, not all that touch the window", () => {
    const load = new UnassignedLoad([iv(0, 30), iv(30, 60)]);
    expect(load.maxConcurrent(0, 60)).toBe(1);
    expect(new UnassignedLoad([iv(0, 40), iv(30, 60)]).maxConcurrent(0, 60)).toBe(2);
  });

  it("only looks inside the window", () => {
    const load = new UnassignedLoad([iv(0, 100), iv(50, 100), iv(200, 300)]);
    expect(load.maxConcurrent(0, 50)).toBe(1);
    expect(load.maxConcurrent(60, 70)).toBe(2);
    expect(load.maxConcurrent(100, 200)).toBe(0);
    expect(load.maxConcurrent(150, 250)).toBe(1);
  });

  it("finds a long appointment that started well before the window", () => {
    const load = new UnassignedLoad([iv(0, 1_000), iv(900, 910), iv(950, 960)]);
    expect(load.maxConcurrent(980, 990)).toBe(1);
    expect(load.maxConcurrent(905, 955)).toBe(2);
  });

  it("is zero without appointments", () => {
    expect(new UnassignedLoad([]).maxConcurrent(0, 100)).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { absenceSchema } from "./absence-fields";
import { specialDaySchema } from "./special-day-fields";

describe("the Sondertag form", () => {
  const schema = specialDaySchema("b1");
  it("a closed day sends no hours; an open one its range", () => {
    expect(schema.parse({ date: "2026-12-24", closed: true, open: "10:00", close: "14:00", reason: "Heiligabend" })).toMatchObject({
      branch_id: "b1",
      date: "2026-12-24",
      closed: true,
      hours: [],
      reason: "Heiligabend",
    });
    expect(schema.parse({ date: "2026-12-31", closed: false, open: "10:00", close: "14:00", reason: "" })).toMatchObject({
      closed: false,
      hours: [{ open: "10:00", close: "14:00" }],
      reason: null,
    });
  });

  it("an open day without both times is marked at the missing one; an inverted range at its end", () => {
    const missing = schema.safeParse({ date: "2026-12-31", closed: false, open: "10:00", close: "", reason: "" });
    expect(missing.error?.issues).toEqual([expect.objectContaining({ path: ["close"], message: "Bitte Öffnungszeiten angeben oder den Tag als geschlossen markieren." })]);
    const inverted = schema.safeParse({ date: "2026-12-31", closed: false, open: "14:00", close: "10:00", reason: "" });
    expect(inverted.error?.issues[0]).toMatchObject({ path: ["hours", 0, "close"], message: "Das Ende muss nach dem Beginn liegen." });
  });
});

describe("the absence form", () => {
  it("sends times for part of a day and whole days without them; an empty Bis is the Von day", () => {
    const schema = absenceSchema("s1");
    expect(schema.parse({ from_date: "2026-03-19", to_date: "", from_time: "12:00", to_time: "15:00", reason: "Arzt" })).toMatchObject({
      staff_id: "s1",
      from_date: "2026-03-19",
      to_date: "2026-03-19",
      from_time: "12:00",
      to_time: "15:00",
    });
    const whole = schema.parse({ from_date: "2026-03-19", to_date: "2026-03-20", from_time: "", to_time: "", reason: "" });
    expect(whole.from_time).toBeUndefined();
    expect(whole.to_time).toBeUndefined();
  });

  it("accepts an ended range (it is listed as past) and refuses an end before the start", () => {
    const schema = absenceSchema("s1");
    expect(schema.safeParse({ from_date: "2020-01-06", to_date: "2020-01-07", from_time: "", to_time: "", reason: "" }).success).toBe(true);
    const backwards = schema.safeParse({ from_date: "2026-03-19", to_date: "2026-03-19", from_time: "15:00", to_time: "12:00", reason: "" });
    expect(backwards.error?.issues[0]).toMatchObject({ path: ["to_date"], message: "Das Ende muss nach dem Beginn liegen." });
  });
});

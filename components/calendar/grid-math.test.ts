import { describe, expect, it } from "vitest";
import { calendarFromQuery, calendarInput, calendarToQuery, mondayOf, shortDayLabel } from "./calendar-url";
import { cellKind, gridRows, isBooked, nowPosition, rowOf, rowSpan, wallClock, type CalendarAppointment, type CalendarDay, type StaffDay } from "./grid-math";

const TZ = "Europe/Berlin";
const hours = { start: "09:00", end: "20:00" };
const at = (start: string, end: string) => ({ start, end, starts_at: "", ends_at: "" });

describe("grid rows", () => {
  it("has a row every 15 minutes from the earliest opening to the latest closing", () => {
    const rows = gridRows(hours);
    expect(rows).toHaveLength(44);
    expect(rows.slice(0, 5)).toEqual(["09:00", "09:15", "09:30", "09:45", "10:00"]);
    expect(rows.at(-1)).toBe("19:45");
    expect(rowOf("14:30", hours)).toBe(22);
    expect(rowOf("14:40", hours)).toBe(22);
  });

  it("spans an appointment over its rows, rounding a partial quarter up, and clips to the grid", () => {
    expect(rowSpan("10:00", "10:45", hours)).toEqual({ row: 4, span: 3 });
    expect(rowSpan("10:00", "10:50", hours)).toEqual({ row: 4, span: 4 });
    expect(rowSpan("08:00", "09:30", hours)).toEqual({ row: 0, span: 2 });
    expect(rowSpan("19:30", "24:00", hours)).toEqual({ row: 42, span: 2 });
    expect(rowSpan("20:00", "21:00", hours)).toBeNull();
  });

  it("places instants by Berlin's wall clock on both DST days and the days around them", () => {
    // 10:00 in Berlin: 09:00 UTC in winter, 08:00 UTC in summer.
    expect(wallClock("2026-03-28T09:00:00Z", TZ)).toEqual({ date: "2026-03-28", time: "10:00" });
    expect(wallClock("2026-03-29T08:00:00Z", TZ)).toEqual({ date: "2026-03-29", time: "10:00" });
    expect(wallClock("2026-10-25T09:00:00Z", TZ)).toEqual({ date: "2026-10-25", time: "10:00" });
    expect(rowOf(wallClock("2026-03-29T08:00:00Z", TZ).time, hours)).toBe(4);
    // The 23-hour day still has the same 44 rows between 09:00 and 20:00, and "now" at 10:30 sits at row 6.
    expect(nowPosition(new Date("2026-03-29T08:30:00Z"), "2026-03-29", TZ, hours)).toBe(6);
    expect(nowPosition(new Date("2026-03-29T08:30:00Z"), "2026-03-30", TZ, hours)).toBeNull();
    expect(nowPosition(new Date("2026-03-29T05:00:00Z"), "2026-03-29", TZ, hours)).toBeNull(); // 07:00, before the grid
  });
});

describe("cells", () => {
  const day: CalendarDay = { date: "2026-12-02", closed: false, closed_reason: null, holiday: null, special_day: null, opening: [at("09:00", "18:00")], breaks: [at("13:00", "13:30")] };
  const anna: StaffDay = { date: "2026-12-02", working: [at("09:00", "13:00"), at("13:30", "17:00")], absences: [{ ...at("15:00", "16:00"), reason: "Arzt" }] };

  it("tells free time from breaks, absences, closed days and time outside the working hours", () => {
    expect(cellKind(day, anna, "09:00")).toBe("free");
    expect(cellKind(day, anna, "12:45")).toBe("free");
    expect(cellKind(day, anna, "13:00")).toBe("break");
    expect(cellKind(day, anna, "13:15")).toBe("break");
    expect(cellKind(day, anna, "13:30")).toBe("free");
    expect(cellKind(day, anna, "15:45")).toBe("absent");
    expect(cellKind(day, anna, "17:00")).toBe("outside");
    expect(cellKind(day, undefined, "10:00")).toBe("outside");
    expect(cellKind({ ...day, closed: true, breaks: [] }, { ...anna, working: [] }, "10:00")).toBe("closed");
  });

  it("marks the quarters an appointment of the same staff member and day covers", () => {
    const appointment = { staff_id: "anna", date: "2026-12-02", start_time: "10:00", end_time: "10:45" } as CalendarAppointment;
    expect(isBooked([appointment], "anna", "2026-12-02", "10:30")).toBe(true);
    expect(isBooked([appointment], "anna", "2026-12-02", "10:45")).toBe(false);
    expect(isBooked([appointment], "jonas", "2026-12-02", "10:30")).toBe(false);
    expect(isBooked([appointment], "anna", "2026-12-03", "10:30")).toBe(false);
  });
});

describe("calendar URL and days", () => {
  const query = (s: string) => new URLSearchParams(s);

  it("reads and writes datum, ansicht and filiale, leaving defaults out", () => {
    expect(calendarFromQuery(query("datum=2026-12-01&ansicht=woche&filiale=b1"), "2026-11-29")).toEqual({ date: "2026-12-01", mode: "woche", branch: "b1" });
    expect(calendarFromQuery(query("datum=2026-02-31&ansicht=monat"), "2026-11-29")).toEqual({ date: "2026-11-29", mode: "tag" });
    expect(calendarToQuery({ date: "2026-11-29", mode: "tag" }, "2026-11-29")).toBe("");
    expect(calendarToQuery({ date: "2026-12-01", mode: "woche", branch: "b1" }, "2026-11-29")).toBe("datum=2026-12-01&ansicht=woche&filiale=b1");
  });

  it("starts the week on Monday and asks for seven days", () => {
    expect(mondayOf("2026-12-02")).toBe("2026-11-30");
    expect(mondayOf("2026-11-30")).toBe("2026-11-30");
    expect(mondayOf("2026-12-06")).toBe("2026-11-30"); // Sunday
    expect(calendarInput({ date: "2026-12-02", mode: "woche" })).toEqual({ date: "2026-11-30", days: 7 });
    expect(calendarInput({ date: "2026-12-02", mode: "tag", branch: "b1" })).toEqual({ date: "2026-12-02", days: 1, branch_id: "b1" });
  });

  it("names days with the German short weekday", () => {
    expect(shortDayLabel("2026-12-02")).toBe("Mi., 02.12.2026");
    expect(shortDayLabel("2026-12-06")).toBe("So., 06.12.2026");
  });
});

/**
 * Absences: hours as well as whole days, overlapping or touching ones merged, ended ones still
 * listed and removable, and the booked appointments an absence hits, before and after saving.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/core/types";
import { cancelAppointment } from "@/server/services/appointments/cancel";
import { appointmentsFixture } from "@/server/testing/appointment-fixtures";
import { absenceConflicts, addAbsence, listAbsences, removeAbsence } from "./absences";

const ADMIN: Actor = { type: "user", id: null, role: "admin" };
let f: Awaited<ReturnType<typeof appointmentsFixture>>;
beforeAll(async () => {
  f = await appointmentsFixture();
});
afterAll(() => f.db.close());

const ctx = () => f.ctx(ADMIN);
const add = (staffId: string, from_date: string, to_date: string, extra: { from_time?: string; to_time?: string; reason?: string | null } = {}) =>
  addAbsence(ctx(), { staff_id: staffId, from_date, to_date, reason: null, ...extra });

describe("absences", () => {
  it("stores hours in the branch's zone (a half day)", async () => {
    const { absence } = await add(f.staff.Sophie, "2026-03-25", "2026-03-25", { from_time: "13:00", to_time: "18:00" });
    expect(absence).toMatchObject({ starts_at: "2026-03-25T12:00:00.000Z", ends_at: "2026-03-25T17:00:00.000Z", past: false });
  });

  it("merges overlapping and touching absences of the same person into one, keeping the reasons", async () => {
    await add(f.staff.Mehmet, "2026-04-06", "2026-04-07", { reason: "Urlaub" });
    const overlap = await add(f.staff.Mehmet, "2026-04-07", "2026-04-09", { from_time: "12:00", reason: "Fortbildung" });
    expect(overlap.merged).toBe(1);
    const touching = await add(f.staff.Mehmet, "2026-04-10", "2026-04-10", { reason: "Urlaub" });
    expect(touching.merged).toBe(1);
    // Another person's absence at the same time stays apart.
    await add(f.staff.Sophie, "2026-04-07", "2026-04-07");

    const { absences } = await listAbsences(ctx(), { staff_id: f.staff.Mehmet });
    expect(absences).toEqual([
      expect.objectContaining({ starts_at: "2026-04-05T22:00:00.000Z", ends_at: "2026-04-10T22:00:00.000Z", reason: "Urlaub, Fortbildung" }),
    ]);
  });

  it("lists ended absences as past and lets them be removed", async () => {
    const { absence } = await add(f.staff.Mehmet, "2026-03-02", "2026-03-03", { reason: "Krank" });
    expect(absence.past).toBe(true);
    const listed = (await listAbsences(ctx(), { staff_id: f.staff.Mehmet })).absences;
    expect(listed[0]).toMatchObject({ id: absence.id, past: true });
    await removeAbsence(ctx(), { absence_id: absence.id });
    expect((await listAbsences(ctx(), { staff_id: f.staff.Mehmet })).absences.map((a) => a.id)).not.toContain(absence.id);
  });

  it("names the booked appointments an absence hits, before and after saving, and forgets cancelled ones", async () => {
    const planned = { staff_id: f.staff.Anna, from_date: "2026-03-12", to_date: "2026-03-12", from_time: "09:00", to_time: "12:00", reason: null };
    const preview = await absenceConflicts(ctx(), planned);
    expect(preview.conflicts).toEqual([
      expect.objectContaining({ date: "12.03.2026", time: "10:00", service: "Damenhaarschnitt", customer_name: "Maria Müller", customer_phone: "+4917112345670" }),
    ]);
    const saved = await addAbsence(ctx(), planned);
    expect(saved.conflicts).toEqual(preview.conflicts);

    await cancelAppointment(f.ctx(ADMIN, new Date("2026-03-11T09:00:00Z")), { appointment_id: saved.conflicts[0].appointment_id });
    expect((await absenceConflicts(ctx(), { absence_id: saved.absence.id })).conflicts).toEqual([]);
  });
});

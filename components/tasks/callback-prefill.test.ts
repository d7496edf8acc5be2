import { describe, expect, it } from "vitest";
import type { TaskDto } from "@/server/services/webhook/schemas";
import { callbackPrefill } from "./callback-prefill";

const services = [
  { id: "s_bart", name: "Bartpflege" },
  { id: "s_farbe", name: "Färben" },
];
const collected: TaskDto["collected"] = {
  branch_id: null,
  customer_name: null,
  customer_phone: null,
  service_id: null,
  service: null,
  date: null,
  date_spoken: null,
  time: null,
  notes: null,
};
const task = (c: Partial<TaskDto["collected"]>, extra: Partial<Pick<TaskDto, "caller_number" | "customer_name">> = {}) => ({
  caller_number: "+4917612345678",
  customer_name: null,
  ...extra,
  collected: { ...collected, ...c },
});

describe("callbackPrefill", () => {
  it("takes the understood appointment: branch, service, day, readable number, name and the wished time as a note", () => {
    expect(
      callbackPrefill(
        task({ branch_id: "b1", customer_name: "Theo Taken", customer_phone: "+4915700000003", service_id: "s_bart", service: "Bartpflege", date: "2026-12-18", time: "15:00" }),
        services,
        "2026-12-01",
      ),
    ).toEqual({ branch_id: "b1", service_id: "s_bart", date: "2026-12-18", customer_phone: "01570 0000003", customer_name: "Theo Taken", notes: "Wunschzeit laut Anruf: 15:00 Uhr" });
  });

  it("falls back to the caller's number and known name, the service named alike and a typed day", () => {
    expect(callbackPrefill(task({ service: " färben ", date_spoken: "18.12.2026" }, { customer_name: "Paula Teil" }), services, "2026-12-01")).toEqual({
      service_id: "s_farbe",
      date: "2026-12-18",
      customer_phone: "0176 12345678",
      customer_name: "Paula Teil",
      notes: "",
    });
  });

  it("leaves out what cannot be used: a spoken day, a past day, an unknown service, a withheld number", () => {
    const spoken = callbackPrefill(task({ service: "Dauerwelle", date_spoken: "nächste Woche" }, { caller_number: "anonymous" }), services, "2026-12-01");
    expect(spoken).toEqual({ customer_phone: "", customer_name: "", notes: "" });
    expect(callbackPrefill(task({ date: "2026-11-20" }), services, "2026-12-01")).not.toHaveProperty("date");
  });
});

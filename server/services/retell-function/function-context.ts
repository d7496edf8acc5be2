import type { ServiceContext } from "@/server/core/types";
import type { BusinessHours, SpecialDay } from "@/server/scheduling/slot-types";

/** What a function sees of the live call. */
export interface FunctionContext {
  ctx: ServiceContext;
  callId: string;
  /** `state` (BE, NW, …) decides the public holidays. */
  branch: { id: string; name: string; timeZone: string; state: string | null; businessHours: BusinessHours; specialDays?: readonly SpecialDay[] };
  /** The caller's number as Retell reported it (may be absent for anonymous callers). */
  callerNumber?: string;
  /** Our number that was called. */
  ourNumber?: string;
  now: Date;
  /** Run from the dashboard's Funktionstest: nothing is written (no booking, no call data, no request sent). */
  dryRun?: boolean;
  /** Run from the dashboard, not during a call: what is booked is not tied to a call. */
  fromDashboard?: boolean;
}

/** What the agent reads aloud (`message`), plus data it may use in the conversation. */
export interface FunctionAnswer {
  success: boolean;
  message: string;
  [key: string]: unknown;
}

export interface FunctionImpl {
  /** Reads simply run again when repeated; writes answer a repeat from the first run (function_invocations). */
  kind: "read" | "write";
  run(fctx: FunctionContext, args: Record<string, unknown>): Promise<FunctionAnswer>;
}

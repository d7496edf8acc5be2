import { z } from "zod";

export const functionName = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Funktionsnamen bestehen aus Buchstaben, Ziffern, _ und - (höchstens 64 Zeichen).");

export const callContextSchema = z.object({
  call_id: z.string().min(1).max(200),
  from_number: z.string().max(40).optional(),
  to_number: z.string().max(40).optional(),
  /** inbound (default) or outbound: decides which number is ours. */
  direction: z.string().max(20).optional(),
  /** Overrides the branch of our number (must belong to the company). */
  branch_id: z.string().optional(),
});

export const executeParams = z.object({
  function_name: functionName,
  parameters: z.record(z.string(), z.unknown()).default({}),
  call_context: callContextSchema,
});

/** The answer the agent reads aloud (`message`), with data it may use. */
export const functionAnswerSchema = z.looseObject({ success: z.boolean(), message: z.string() });

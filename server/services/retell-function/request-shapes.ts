/**
 * The request bodies Retell sends (custom-function calls and webhooks), parsed leniently: unknown
 * fields are kept, missing optional fields may be absent or null.
 */
import { z } from "zod";

const optionalString = z.string().nullish().transform((v) => v ?? undefined);
const optionalNumber = z.number().nullish().transform((v) => v ?? undefined);

export const retellCallSchema = z.looseObject({
  call_id: z.string().min(1).max(200),
  agent_id: optionalString,
  agent_version: optionalNumber,
  call_type: optionalString,
  direction: optionalString,
  from_number: optionalString,
  to_number: optionalString,
  call_status: optionalString,
  start_timestamp: optionalNumber,
  end_timestamp: optionalNumber,
  duration_ms: optionalNumber,
  disconnection_reason: optionalString,
  transcript: optionalString,
  transcript_object: z.array(z.unknown()).nullish().transform((v) => v ?? undefined),
  recording_url: optionalString,
  metadata: z.record(z.string(), z.unknown()).nullish().transform((v) => v ?? undefined),
  call_analysis: z
    .looseObject({
      call_summary: optionalString,
      user_sentiment: optionalString,
      call_successful: z.boolean().nullish().transform((v) => v ?? undefined),
      in_voicemail: z.boolean().nullish().transform((v) => v ?? undefined),
      custom_analysis_data: z.unknown().optional(),
    })
    .nullish()
    .transform((v) => v ?? undefined),
});
export type RetellCall = z.output<typeof retellCallSchema>;

export const retellWebhookSchema = z.looseObject({
  event: z.string().min(1).max(64),
  call: retellCallSchema,
});
export type RetellWebhook = z.output<typeof retellWebhookSchema>;

const argsSchema = z.record(z.string(), z.unknown());
const functionName = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** Retell's own shape: `{ name, call, args }`. */
const retellFunctionBody = z.looseObject({ name: functionName, call: retellCallSchema, args: argsSchema.default({}) });

/** The gateway's own shape: `{ function, parameters, context }`. */
const specFunctionBody = z.looseObject({
  function: functionName,
  parameters: argsSchema.default({}),
  context: z.looseObject({
    call_id: z.string().min(1).max(200),
    from_number: optionalString,
    to_number: optionalString,
    direction: optionalString,
  }),
});

/** What a custom-function request asks for, whatever its shape. */
export interface FunctionRequest {
  name: string;
  args: Record<string, unknown>;
  call: { call_id: string; from_number?: string; to_number?: string; direction?: string };
}

export type ParsedFunctionRequest = { ok: true; request: FunctionRequest } | { ok: false; error: string };

/**
 * Reads a custom-function request. With a tool name in the URL (`args_at_root` tools) the body
 * is the args object alone and the call comes from the query: `call_id` (required, Retell fills
 * `{{call_id}}`), `from_number`, `to_number`.
 */
export function parseFunctionRequest(body: unknown, nameFromUrl: string | null, query: URLSearchParams): ParsedFunctionRequest {
  if (nameFromUrl !== null) {
    const name = functionName.safeParse(nameFromUrl);
    const args = argsSchema.safeParse(body ?? {});
    const callId = query.get("call_id")?.trim();
    if (!name.success) return { ok: false, error: "Unbekannter Funktionsname." };
    if (!args.success) return { ok: false, error: "Die Argumente müssen ein JSON-Objekt sein." };
    if (!callId) return { ok: false, error: "call_id fehlt in der URL." };
    return {
      ok: true,
      request: {
        name: name.data,
        args: args.data,
        call: {
          call_id: callId.slice(0, 200),
          from_number: query.get("from_number") ?? undefined,
          to_number: query.get("to_number") ?? undefined,
        },
      },
    };
  }
  const retell = retellFunctionBody.safeParse(body);
  if (retell.success) {
    const { call_id, from_number, to_number, direction } = retell.data.call;
    return { ok: true, request: { name: retell.data.name, args: retell.data.args, call: { call_id, from_number, to_number, direction } } };
  }
  const spec = specFunctionBody.safeParse(body);
  if (spec.success) {
    const { call_id, from_number, to_number, direction } = spec.data.context;
    return { ok: true, request: { name: spec.data.function, args: spec.data.parameters, call: { call_id, from_number, to_number, direction } } };
  }
  return { ok: false, error: "Unbekanntes Anfrageformat: erwartet { name, call, args }." };
}

/**
 * Our number and the caller's: on an inbound call the agent was called (`to_number`),
 * on an outbound call the agent dialled out (`from_number`).
 */
export function callNumbers(call: { from_number?: string; to_number?: string; direction?: string }): {
  ours?: string;
  caller?: string;
} {
  return call.direction === "outbound"
    ? { ours: call.from_number, caller: call.to_number }
    : { ours: call.to_number, caller: call.from_number };
}

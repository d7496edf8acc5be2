import { z } from "zod";
import { functionName } from "@/server/services/retell-function/schemas";

/** Call events Retell can deliver to the webhook. */
export const WEBHOOK_EVENTS = [
  "call_started",
  "call_ended",
  "call_analyzed",
  "transcript_updated",
  "transfer_started",
  "transfer_bridged",
  "transfer_cancelled",
  "transfer_ended",
] as const;
export const DEFAULT_WEBHOOK_EVENTS = ["call_started", "call_ended", "call_analyzed"] as const;

export const WEBHOOK_PATH = "/api/mcp/retell/webhook";
export const CUSTOM_FUNCTION_PATH = "/api/mcp/retell/custom-function";

export const empty = z.object({});

export const webhookConfigurationResult = z.object({
  /** Built from APP_URL. */
  webhook_url: z.string(),
  /** Why Retell cannot reach the addresses from the internet and what to do (German); null when it can. */
  webhook_address_warning: z.string().nullable(),
  custom_function_url: z.string(),
  /** Retell signs with the API key itself; shown masked only. */
  webhook_secret: z.string().nullable(),
  signature_header: z.string(),
  connected: z.boolean(),
  configured_events: z.array(z.string()),
  available_events: z.array(z.string()),
  /** Retell sends no custom headers on call webhooks; the company is resolved from the called number. */
  custom_headers: z.record(z.string(), z.string()),
  last_tested_at: z.string().nullable(),
  test_status: z.string().nullable(),
  last_test_status_code: z.number().nullable(),
  last_test_duration_ms: z.number().nullable(),
});

export const updateWebhookSettingsParams = z.object({
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { error: `Erlaubte Ereignisse: ${WEBHOOK_EVENTS.join(", ")}` }))
    .min(1, "Mindestens ein Ereignis auswählen.")
    .transform((events) => [...new Set(events)]),
});
export const updateWebhookSettingsResult = z.object({
  success: z.boolean(),
  configuration: webhookConfigurationResult,
  pushed_agents: z.array(z.string()),
  push_error: z.string().optional(),
  test_available: z.boolean(),
});

const httpUrl = z.url({ protocol: /^https?$/, error: "Bitte eine http(s)-Adresse angeben." }).max(2000);
const headers = z.record(z.string().regex(/^[A-Za-z0-9-]{1,100}$/), z.string().max(4000));

export const customFunctionSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(["builtin", "external_api", "data_collection"]),
  description: z.string().nullable(),
  parameters: z.unknown(),
  url: z.string().nullable(),
  method: z.string(),
  /** Values masked: they are stored encrypted and never returned. */
  headers: z.record(z.string(), z.string()),
  timeout_ms: z.number(),
  enabled: z.boolean(),
  is_global: z.boolean(),
  last_used: z.string().nullable(),
  usage_count: z.number(),
});

export const getCustomFunctionsResult = z.object({ functions: z.array(customFunctionSchema), total: z.number() });

export const createCustomFunctionParams = z.object({
  name: functionName,
  type: z.enum(["external_api", "data_collection"]),
  description: z.string().trim().max(1000).optional(),
  url: httpUrl.optional(),
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).default("POST"),
  headers: headers.default({}),
  parameter_schema: z.unknown(),
  response_schema: z.unknown().optional(),
  timeout_ms: z.number().int().min(1000).max(30_000).default(5000),
  enabled: z.boolean().default(true),
});

export const updateCustomFunctionParams = z.object({
  function_id: z.string().min(1),
  updates: z
    .object({
      description: z.string().trim().max(1000).nullable(),
      url: httpUrl,
      method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]),
      headers: headers,
      parameter_schema: z.unknown(),
      response_schema: z.unknown().nullable(),
      timeout_ms: z.number().int().min(1000).max(30_000),
      enabled: z.boolean(),
    })
    .partial()
    .strict(),
});

export const functionWriteResult = z.object({
  success: z.boolean(),
  function: customFunctionSchema,
  deployed: z.boolean(),
  deployed_agents: z.array(z.string()),
  deploy_error: z.string().optional(),
});

export const deleteCustomFunctionParams = z.object({ function_id: z.string().min(1) });
export const deleteCustomFunctionResult = z.object({ deleted: z.boolean() });

export const testWebhookResult = z.object({
  success: z.boolean(),
  status_code: z.number().nullable(),
  response_time_ms: z.number(),
  error: z.string().optional(),
  test_payload: z.record(z.string(), z.unknown()),
});

export const setApiKeyParams = z.object({ api_key: z.string().trim().min(8).max(500) });
export const apiKeyResult = z.object({ connected: z.boolean(), masked_key: z.string().nullable() });

export const rotateApiKeyParams = z.object({ new_api_key: z.string().trim().min(8).max(500) });
export const rotateApiKeyResult = z.object({
  connected: z.boolean(),
  masked_key: z.string(),
  previous_masked_key: z.string().nullable(),
  agents_visible: z.number(),
});

export const revealApiKeyResult = z.object({ api_key: z.string() });

export const deployFunctionsResult = z.object({ deployed_agents: z.array(z.string()), functions: z.array(z.string()) });

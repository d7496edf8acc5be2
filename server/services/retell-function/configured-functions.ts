/**
 * Functions a company configured itself: `external_api` calls the configured URL,
 * `data_collection` keeps validated answers with the call.
 */
import { AppError, ErrorCodes } from "@/server/core/errors";
import { guardedRequest, RedirectRefused, ResponseTooLarge, type GuardedResponse } from "@/server/platform/outbound/guard";
import { loadCollectedData, saveCollectedData } from "@/server/services/retell-function/call-context";
import type { ConfiguredFunction } from "./configured-list";
import type { FunctionAnswer, FunctionContext } from "./function-context";
import { validateArgs } from "./json-schema";
import { openHeaders } from "./sealed-headers";

/** Far below what Retell accepts; the agent reads the answer aloud. */
export const MAX_RESPONSE_BYTES = 64 * 1024;
const MAX_TIMEOUT_MS = 30_000;
const MAX_MESSAGE_CHARS = 1000;
const RESERVED_HEADERS = new Set(["host", "content-length", "transfer-encoding", "connection"]);

export async function runConfiguredFunction(
  fctx: FunctionContext,
  fn: ConfiguredFunction,
  args: Record<string, unknown>,
): Promise<FunctionAnswer> {
  validateArgs(fn.parameterSchema, args);
  if (fn.type === "data_collection") return collect(fctx, fn.name, args);
  if (fn.type !== "external_api" || !fn.url) {
    throw new AppError(ErrorCodes.NOT_FOUND, "Diese Funktion ist nicht eingerichtet.");
  }
  return callExternal(fctx, fn, args);
}

async function collect(fctx: FunctionContext, name: string, args: Record<string, unknown>): Promise<FunctionAnswer> {
  const { ctx, callId } = fctx;
  if (fctx.dryRun || fctx.fromDashboard) return { success: true, message: "Danke, ich habe die Angaben notiert." };
  const stored = await loadCollectedData(ctx.db, ctx.companyId, callId);
  const custom = { ...stored.custom, [name]: { ...stored.custom?.[name], ...args } };
  await saveCollectedData(
    ctx.db,
    { companyId: ctx.companyId, callId, branchId: fctx.branch.id, fromNumber: fctx.callerNumber, toNumber: fctx.ourNumber },
    { ...stored, custom },
  );
  return { success: true, message: "Danke, ich habe die Angaben notiert." };
}

async function callExternal(fctx: FunctionContext, fn: ConfiguredFunction, args: Record<string, unknown>): Promise<FunctionAnswer> {
  const method = fn.method.toUpperCase();
  const url = new URL(fn.url!);
  const headers: Record<string, string> = { "user-agent": "AskProAI-Function/1.0", "x-askproai-call-id": fctx.callId };
  for (const [name, value] of Object.entries(openHeaders(fn.headers, fn.companyId))) {
    if (!RESERVED_HEADERS.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
  }
  let body: string | undefined;
  if (method === "GET" || method === "DELETE") {
    for (const [key, value] of Object.entries(args)) url.searchParams.set(key, typeof value === "string" ? value : JSON.stringify(value));
  } else {
    body = JSON.stringify(args);
    headers["content-type"] = "application/json";
  }
  if (fctx.dryRun) {
    // Header values may carry secrets: only their names are shown.
    return {
      success: true,
      dry_run: true,
      request: { method, url: url.toString(), header_names: Object.keys(headers), body: body ?? null },
      message: `Die Anfrage an ${url.host} wurde im Probelauf nicht gesendet.`,
    };
  }
  const response = await send(url, method, headers, body, Math.min(fn.timeoutMs, MAX_TIMEOUT_MS));
  if (response.status >= 500) {
    throw new AppError(ErrorCodes.RATE_LIMITED, "Der externe Dienst hat gerade ein Problem. Bitte versuchen Sie es gleich noch einmal.", {
      retryAfter: 30,
    });
  }
  const data = parseBody(response.body.toString("utf8"), response.headers.get("content-type"));
  if (response.status >= 400) {
    return { success: false, status_code: response.status, message: messageOf(data) ?? "Der externe Dienst hat die Anfrage abgelehnt." };
  }
  return { success: true, status_code: response.status, message: messageOf(data) ?? "Erledigt.", data };
}

/** Through the outbound guard (no private targets, no redirects), with the function's deadline; failures in German. */
async function send(url: URL, method: string, headers: Record<string, string>, body: string | undefined, timeoutMs: number): Promise<GuardedResponse> {
  try {
    return await guardedRequest(
      { url: url.toString(), method, headers, body, maxResponseBytes: MAX_RESPONSE_BYTES, signal: AbortSignal.timeout(timeoutMs) },
      "function",
    );
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof RedirectRefused) {
      throw new AppError(ErrorCodes.INVALID_INPUT, "Der externe Dienst leitet weiter; Weiterleitungen werden nicht befolgt.");
    }
    if (error instanceof ResponseTooLarge) throw new AppError(ErrorCodes.INVALID_INPUT, "Die Antwort des externen Dienstes ist zu groß.");
    if (error instanceof DOMException && error.name === "TimeoutError") {
      throw new AppError(ErrorCodes.RATE_LIMITED, "Der externe Dienst hat nicht rechtzeitig geantwortet.", { retryAfter: 30 });
    }
    throw new AppError(ErrorCodes.RATE_LIMITED, "Der externe Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.", {
      retryAfter: 30,
    });
  }
}

function parseBody(text: string, contentType: string | null): unknown {
  if (!text) return null;
  if (contentType?.includes("json") || /^[[{"]/.test(text.trim())) {
    try {
      return JSON.parse(text);
    } catch {
      // answered as text below
    }
  }
  return text;
}

function messageOf(data: unknown): string | undefined {
  if (typeof data === "string") return data.slice(0, MAX_MESSAGE_CHARS);
  if (data && typeof data === "object" && typeof (data as { message?: unknown }).message === "string") {
    return (data as { message: string }).message.slice(0, MAX_MESSAGE_CHARS);
  }
  return undefined;
}

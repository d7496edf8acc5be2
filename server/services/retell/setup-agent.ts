/**
 * "Agent einrichten": the company's phone agent in its Retell workspace, set up in one step.
 * One Retell LLM (prompt from the company's data, our functions as tools) and one agent
 * (German, a German voice, our webhook) that the chosen numbers are bound to.
 *
 * Setup compares what it would write with what Retell holds now, field by field, and writes
 * only what differs: a second run writes nothing. What it last wrote is remembered as a hash
 * (RetellConfiguration.lastSetupHash); when Retell's state no longer matches it, someone edited
 * the agent in Retell's console, and setup overwrites that only when asked to.
 */
import { createHash } from "node:crypto";
import type { z } from "zod";
import { writeAudit } from "@/server/platform/audit";
import { AppError, ErrorCodes, isAppError } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import type {
  RetellAgent,
  RetellAgentCreate,
  RetellAgentUpdate,
  RetellClient,
  RetellInboundAgent,
  RetellLlm,
  RetellLlmCreate,
  RetellPhoneNumber,
  RetellVoice,
} from "@/server/integrations/retell/client";
import { tryNormalizePhone } from "@/server/scheduling/phone";
import { appUrl } from "@/server/services/retell-config/company-agents";
import { DEFAULT_WEBHOOK_EVENTS, WEBHOOK_EVENTS, WEBHOOK_PATH } from "@/server/services/retell-config/schemas";
import { beginMessage, buildAgentPrompt, loadPromptFacts } from "./agent-prompt";
import { buildAgentTools } from "./agent-tools";
import { forgetRetellReads, retellClientFor } from "./client-for-company";
import type * as s from "./schemas";
import type { SetupChange } from "./schemas";

type PreviewParams = z.output<typeof s.previewAgentSetupParams>;
type SetupParams = z.output<typeof s.setupAgentParams>;
type Preview = z.input<typeof s.previewAgentSetupResult>;

export const AGENT_LANGUAGE = "de-DE";
export const AGENT_TIMEZONE = "Europe/Berlin";
export const AGENT_MODEL = "gpt-4.1";
/** Every number answers the agent's newest published version: publishing a new one switches them all. */
const BOUND_VERSION = "latest_published";

/** The LLM and agent fields setup manages; the rest stays as set in Retell's console. */
const LLM_FIELDS = ["general_prompt", "begin_message", "start_speaker", "model", "general_tools"] as const;
const AGENT_FIELDS = ["agent_name", "voice_id", "language", "timezone", "webhook_url", "webhook_events", "response_engine"] as const;
type LlmField = (typeof LLM_FIELDS)[number];
type AgentField = (typeof AGENT_FIELDS)[number];
/** Tool keys setup writes; keys Retell adds on its own do not count as differences. */
const TOOL_KEYS = [
  "type",
  "name",
  "description",
  "url",
  "method",
  "parameters",
  "args_at_root",
  "speak_during_execution",
  "speak_after_execution",
  "execution_message_description",
  "timeout_ms",
  "transfer_destination",
  "transfer_option",
] as const;

const LABELS: Record<LlmField | AgentField, string> = {
  general_prompt: "Prompt",
  begin_message: "Begrüßung",
  start_speaker: "Wer zuerst spricht",
  model: "Sprachmodell",
  general_tools: "Werkzeuge",
  agent_name: "Name",
  voice_id: "Stimme",
  language: "Sprache",
  timezone: "Zeitzone",
  webhook_url: "Webhook-Adresse",
  webhook_events: "Webhook-Ereignisse",
  response_engine: "Retell-LLM des Agenten",
};

type DesiredLlm = Required<Pick<RetellLlmCreate, LlmField>>;
type DesiredAgent = Required<Pick<RetellAgentCreate, Exclude<AgentField, "response_engine">>>;

interface Plan {
  config: { managedAgentId: string | null; managedLlmId: string | null; lastSetupHash: string | null; lastSetupAt: Date | null } | null;
  voiceId: string;
  transferNumber: string | null;
  numbers: string[];
  missingNumbers: string[];
  desiredLlm: DesiredLlm;
  desiredAgent: DesiredAgent;
  /** What Retell holds now; null when it does not exist (yet, or any more). */
  llm: RetellLlm | null;
  agent: RetellAgent | null;
  phones: Map<string, RetellPhoneNumber>;
  llmChanges: LlmField[];
  agentChanges: AgentField[];
  numbersToBind: string[];
  consoleEdited: boolean;
  preview: Preview;
}

// Methods

export async function previewAgentSetup(ctx: ServiceContext, params: PreviewParams): Promise<Preview> {
  return (await plan(ctx, await retellClientFor(ctx), params)).preview;
}

export async function setupAgent(ctx: ServiceContext, params: SetupParams): Promise<z.input<typeof s.setupAgentResult>> {
  const client = await retellClientFor(ctx);
  const p = await plan(ctx, client, params);
  const overwritten = p.preview.changes.filter((c) => c.target !== "number");
  if (p.consoleEdited && overwritten.length > 0 && params.confirmOverwrite !== true) {
    const labels = [...new Set(overwritten.map((c) => c.label))].join(", ");
    throw new AppError(
      ErrorCodes.CONFLICT,
      `Der Agent wurde seit der letzten Einrichtung in der Retell-Konsole geändert. Beim Einrichten würde Folgendes überschrieben: ${labels}. Bitte bestätigen Sie das Überschreiben.`,
      { details: { changes: overwritten } },
    );
  }
  if (p.missingNumbers.length > 0) {
    throw new AppError(
      ErrorCodes.RETELL_PHONE_NOT_CONFIGURED,
      `Diese Rufnummern gibt es in Ihrem Retell-Arbeitsbereich nicht: ${p.missingNumbers.join(", ")}. Bitte importieren Sie sie zuerst in Retell.`,
    );
  }

  const started = performance.now();
  const writes = p.llm === null || p.agent === null || p.llmChanges.length > 0 || p.agentChanges.length > 0;
  // While Retell is being changed, what we last wrote is unknown: a half-finished run is no console edit.
  if (writes && p.config?.lastSetupHash) await saveConfig(ctx, { lastSetupHash: null });

  let llm = p.llm;
  if (llm === null) {
    llm = await client.createLlm(p.desiredLlm);
    await saveConfig(ctx, { managedLlmId: llm.llm_id });
  } else if (p.llmChanges.length > 0) {
    llm = await client.updateLlm(llm.llm_id, pick(p.desiredLlm, p.llmChanges));
  }

  const engine = { type: "retell-llm" as const, llm_id: llm.llm_id };
  let agent = p.agent;
  if (agent === null) {
    agent = await client.createAgent({ ...p.desiredAgent, response_engine: engine });
    await saveConfig(ctx, { managedAgentId: agent.agent_id });
  } else {
    const changed = agentChanges(p.desiredAgent, engine, agent);
    if (changed.length > 0) agent = await client.updateAgent(agent.agent_id, pick({ ...p.desiredAgent, response_engine: engine }, changed) as RetellAgentUpdate);
  }

  let published: number | null = null;
  if (!agent.is_published) {
    published = agent.version ?? 0;
    await client.publishAgentVersion(agent.agent_id, published, { title: "Agent einrichten" });
  }
  const version = published ?? agent.version ?? 0;

  const binding: RetellInboundAgent[] = [{ agent_id: agent.agent_id, agent_version: BOUND_VERSION, weight: 1 }];
  const bound: string[] = [];
  for (const number of p.numbers) {
    if (!sameBinding(p.phones.get(number)?.inbound_agents, binding)) {
      await client.bindInboundAgents(number, binding);
      bound.push(number);
    }
  }
  await ctx.db.phoneNumber.updateMany({
    where: { companyId: ctx.companyId, number: { in: p.numbers }, OR: [{ retellAgentId: { not: agent.agent_id } }, { retellAgentId: null }, { retellAgentVersion: { not: null } }] },
    data: { retellAgentId: agent.agent_id, retellAgentVersion: null },
  });

  const applied = writes || published !== null || bound.length > 0;
  await saveConfig(ctx, {
    managedLlmId: llm.llm_id,
    managedAgentId: agent.agent_id,
    voiceId: p.voiceId,
    transferNumber: p.transferNumber,
    lastSetupHash: stateHash(llm, agent),
    ...(applied || !p.config?.lastSetupAt ? { lastSetupAt: ctx.now() } : {}),
    lastUpdatedById: ctx.actor.type === "user" ? ctx.actor.id : null,
  });
  if (applied) await forgetRetellReads(ctx.companyId);
  await writeAudit(ctx.db, {
    companyId: ctx.companyId,
    actor: ctx.actor,
    method: "retell.setupAgent",
    outcome: "success",
    durationMs: performance.now() - started,
    correlationId: ctx.correlationId,
    details: {
      agent_id: agent.agent_id,
      llm_id: llm.llm_id,
      created_llm: p.llm === null,
      created_agent: p.agent === null,
      llm_fields: p.llm === null ? [] : p.llmChanges,
      agent_fields: p.agent === null ? [] : agentChanges(p.desiredAgent, engine, p.agent),
      published_version: published,
      bound_numbers: bound,
      overwrote_console_edit: p.consoleEdited && overwritten.length > 0,
    },
  });
  const lastSetupAt = (await ctx.db.retellConfiguration.findUnique({ where: { companyId: ctx.companyId }, select: { lastSetupAt: true } }))?.lastSetupAt;
  return {
    ...p.preview,
    agent_id: agent.agent_id,
    llm_id: llm.llm_id,
    applied,
    agent_version: version,
    last_setup_at: lastSetupAt?.toISOString() ?? null,
  };
}

// Planning

async function plan(ctx: ServiceContext, client: RetellClient, params: PreviewParams): Promise<Plan> {
  const config = await ctx.db.retellConfiguration.findUnique({ where: { companyId: ctx.companyId } });
  const voices = await client.listVoices();
  const voiceId = chooseVoice(params.voiceId, config?.voiceId ?? null, voices);
  const transferNumber = params.transferNumber !== undefined ? params.transferNumber : (config?.transferNumber ?? null);
  const numbers = await chooseNumbers(ctx, params.numbers, config?.managedAgentId ?? null);

  const tools = await buildAgentTools(ctx, transferNumber);
  const facts = await loadPromptFacts(ctx, tools.map((t) => t.name));
  const desiredLlm: DesiredLlm = {
    general_prompt: buildAgentPrompt(facts),
    begin_message: beginMessage(facts.companyName),
    start_speaker: "agent",
    model: AGENT_MODEL,
    general_tools: tools,
  };
  const desiredAgent: DesiredAgent = {
    agent_name: `${facts.companyName} – Telefonassistenz`,
    voice_id: voiceId,
    language: AGENT_LANGUAGE,
    timezone: AGENT_TIMEZONE,
    webhook_url: appUrl(WEBHOOK_PATH),
    webhook_events: webhookEvents(config?.webhookEvents),
  };

  const [llm, agent] = await Promise.all([
    config?.managedLlmId ? orMissing(client.getLlm(config.managedLlmId)) : null,
    config?.managedAgentId ? orMissing(client.getAgent(config.managedAgentId)) : null,
  ]);
  const phones = new Map<string, RetellPhoneNumber>();
  const missingNumbers: string[] = [];
  for (const number of numbers) {
    const phone = await orMissing(client.getPhoneNumber(number), ErrorCodes.RETELL_PHONE_NOT_CONFIGURED);
    if (phone) phones.set(number, phone);
    else missingNumbers.push(number);
  }

  const llmChanges = llm ? LLM_FIELDS.filter((f) => differs(f, desiredLlm[f], llm[f])) : [...LLM_FIELDS];
  const engine = { type: "retell-llm" as const, llm_id: llm?.llm_id ?? null };
  const agentFieldChanges = agent ? agentChanges(desiredAgent, engine, agent) : [...AGENT_FIELDS];
  const consoleEdited = Boolean(config?.lastSetupHash && llm && agent && stateHash(llm, agent) !== config.lastSetupHash);

  const binding: RetellInboundAgent[] = [{ agent_id: agent?.agent_id ?? "", agent_version: BOUND_VERSION, weight: 1 }];
  const numbersToBind = [...phones.keys()].filter((n) => agent === null || !sameBinding(phones.get(n)!.inbound_agents, binding));

  const changes: SetupChange[] = [
    ...llmChanges.flatMap((f) => fieldChanges("llm", llm?.llm_id ?? null, f, desiredLlm[f], llm?.[f])),
    ...agentFieldChanges.flatMap((f) =>
      f === "response_engine"
        ? [change("agent", agent?.agent_id ?? null, f, describeEngine(agent?.response_engine), llm ? describeEngine(engine) : "neues Retell-LLM")]
        : fieldChanges("agent", agent?.agent_id ?? null, f, desiredAgent[f], agent?.[f]),
    ),
    ...numbersToBind.map((n) =>
      change("number", n, "inbound_agents", describeBinding(phones.get(n)!.inbound_agents), `${agent?.agent_id ?? "neuer Agent"} (neueste veröffentlichte Version)`, `Rufnummer ${n}`),
    ),
  ];
  const publishVersion = agent === null ? 0 : agentFieldChanges.length > 0 ? (agent.is_published ? (agent.version ?? 0) + 1 : (agent.version ?? 0)) : agent.is_published ? null : (agent.version ?? 0);

  return {
    config,
    voiceId,
    transferNumber,
    numbers,
    missingNumbers,
    desiredLlm,
    desiredAgent,
    llm,
    agent,
    phones,
    llmChanges: llm ? llmChanges : [],
    agentChanges: agent ? agentFieldChanges : [],
    numbersToBind,
    consoleEdited,
    preview: {
      agent_id: agent?.agent_id ?? null,
      llm_id: llm?.llm_id ?? null,
      create_llm: llm === null,
      create_agent: agent === null,
      publish_version: publishVersion,
      changes,
      up_to_date: changes.length === 0 && publishVersion === null,
      console_edited: consoleEdited,
      voice_id: voiceId,
      transfer_number: transferNumber,
      numbers,
      missing_numbers: missingNumbers,
      last_setup_at: config?.lastSetupAt?.toISOString() ?? null,
    },
  };
}

/** German voices (by Retell's accent annotation), the given order kept. */
export function germanVoices(voices: readonly RetellVoice[]): RetellVoice[] {
  return voices.filter((v) => /german|deutsch/i.test(v.accent ?? ""));
}

/** The chosen voice (must exist), else the stored one, else the first German voice (female first). */
export function chooseVoice(requested: string | undefined, stored: string | null, voices: readonly RetellVoice[]): string {
  const known = new Set(voices.map((v) => v.voice_id));
  if (requested !== undefined) {
    if (!known.has(requested)) throw new AppError(ErrorCodes.INVALID_INPUT, "Diese Stimme gibt es in Ihrem Retell-Arbeitsbereich nicht.");
    return requested;
  }
  if (stored && known.has(stored)) return stored;
  const fallback = defaultVoice(voices);
  if (!fallback) throw new AppError(ErrorCodes.INVALID_INPUT, "Retell bietet keine Stimme an; bitte legen Sie in Retell eine Stimme an.");
  return fallback;
}

export function defaultVoice(voices: readonly RetellVoice[]): string | null {
  const german = germanVoices(voices);
  return (german.find((v) => v.gender === "female") ?? german[0] ?? voices[0])?.voice_id ?? null;
}

/** The chosen numbers (each one of the company's), else those the agent answers, else all of the company's. */
async function chooseNumbers(ctx: ServiceContext, requested: string[] | undefined, managedAgentId: string | null): Promise<string[]> {
  const rows = await ctx.db.phoneNumber.findMany({
    where: { companyId: ctx.companyId, isActive: true },
    select: { number: true, retellAgentId: true },
    orderBy: { number: "asc" },
  });
  if (requested !== undefined) {
    const own = new Set(rows.map((r) => r.number));
    const chosen = requested.map((raw) => {
      const number = tryNormalizePhone(raw);
      if (!number || !own.has(number)) throw new AppError(ErrorCodes.RETELL_PHONE_NOT_CONFIGURED, `Die Rufnummer ${raw} gehört nicht zu Ihrem Betrieb.`);
      return number;
    });
    return [...new Set(chosen)].sort();
  }
  const answered = managedAgentId ? rows.filter((r) => r.retellAgentId === managedAgentId) : [];
  return (answered.length > 0 ? answered : rows).map((r) => r.number);
}

function webhookEvents(stored: unknown): DesiredAgent["webhook_events"] {
  const known = new Set<string>(WEBHOOK_EVENTS);
  const events = Array.isArray(stored) ? stored.filter((e): e is string => typeof e === "string" && known.has(e)) : [];
  return (events.length > 0 ? events : [...DEFAULT_WEBHOOK_EVENTS]) as DesiredAgent["webhook_events"];
}

function agentChanges(desired: DesiredAgent, engine: { type: "retell-llm"; llm_id: string | null }, agent: RetellAgent): AgentField[] {
  const wanted = { ...desired, response_engine: engine };
  return AGENT_FIELDS.filter((f) => differs(f, wanted[f], agent[f]));
}

async function orMissing<T>(read: Promise<T>, code: number = ErrorCodes.RETELL_AGENT_NOT_FOUND): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (isAppError(error) && error.code === code) return null;
    throw error;
  }
}

async function saveConfig(ctx: ServiceContext, data: Record<string, unknown>): Promise<void> {
  await ctx.db.retellConfiguration.upsert({ where: { companyId: ctx.companyId }, create: { companyId: ctx.companyId, ...data }, update: data });
}

// Comparing

/** A field as setup compares it: only the keys setup writes, null for missing. */
function normalized(field: string, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (field === "general_tools" && Array.isArray(value)) return value.map(normalizedTool);
  if (field === "response_engine" && typeof value === "object") {
    const engine = value as { type?: string; llm_id?: string };
    return { type: engine.type ?? null, llm_id: engine.llm_id ?? null };
  }
  return value;
}

function normalizedTool(tool: unknown): Record<string, unknown> {
  const source = (tool ?? {}) as Record<string, unknown>;
  return Object.fromEntries(TOOL_KEYS.filter((k) => source[k] !== undefined && source[k] !== null).map((k) => [k, source[k]]));
}

function differs(field: string, desired: unknown, current: unknown): boolean {
  return canonical(normalized(field, desired)) !== canonical(normalized(field, current));
}

/** JSON with sorted keys, so equal values give equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** Hash of the managed fields of the LLM and agent as Retell holds them. */
export function stateHash(llm: RetellLlm, agent: RetellAgent): string {
  const state = {
    llm: Object.fromEntries(LLM_FIELDS.map((f) => [f, normalized(f, llm[f])])),
    agent: Object.fromEntries(AGENT_FIELDS.map((f) => [f, normalized(f, agent[f])])),
  };
  return createHash("sha256").update(canonical(state)).digest("hex");
}

function sameBinding(current: RetellPhoneNumber["inbound_agents"] | undefined, wanted: RetellInboundAgent[]): boolean {
  const shape = (list: readonly RetellInboundAgent[]) => list.map((a) => ({ agent_id: a.agent_id, agent_version: a.agent_version ?? null, weight: a.weight }));
  return canonical(shape(current ?? [])) === canonical(shape(wanted));
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, source[k]])) as Pick<T, K>;
}

// Describing

const MAX_SHOWN = 20_000;

function change(target: SetupChange["target"], targetId: string | null, field: string, before: string | null, after: string | null, label?: string): SetupChange {
  return { target, target_id: targetId, field, label: label ?? LABELS[field as LlmField] ?? field, before, after };
}

/** One change per field; tools one per tool that is added, removed or changed. */
function fieldChanges(target: "llm" | "agent", targetId: string | null, field: LlmField | Exclude<AgentField, "response_engine">, desired: unknown, current: unknown): SetupChange[] {
  if (field !== "general_tools") return [change(target, targetId, field, shown(current), shown(desired))];
  const byName = (list: unknown) => new Map((Array.isArray(list) ? list : []).map((t) => [String((t as { name?: unknown }).name), normalizedTool(t)]));
  const before = byName(current);
  const after = byName(desired);
  const names = [...new Set([...before.keys(), ...after.keys()])];
  return names
    .filter((name) => canonical(before.get(name) ?? null) !== canonical(after.get(name) ?? null))
    .map((name) => change(target, targetId, `general_tools.${name}`, shown(before.get(name)), shown(after.get(name)), `Werkzeug ${name}`));
}

function shown(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = typeof value === "string" ? value : Array.isArray(value) && value.every((v) => typeof v === "string") ? value.join(", ") : JSON.stringify(value, null, 2);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)} …` : text;
}

function describeEngine(engine: unknown): string | null {
  if (!engine || typeof engine !== "object") return null;
  const e = engine as { type?: string; llm_id?: string };
  return e.type === "retell-llm" ? `Retell-LLM ${e.llm_id}` : (e.type ?? null);
}

function describeBinding(agents: RetellPhoneNumber["inbound_agents"] | undefined): string | null {
  if (!agents || agents.length === 0) return null;
  const version = (v: RetellInboundAgent["agent_version"]) =>
    typeof v === "number" ? `Version ${v}` : v === "latest" ? "neueste Version" : "neueste veröffentlichte Version";
  return agents.map((a) => `${a.agent_id} (${version(a.agent_version)}${a.weight < 1 ? `, Anteil ${a.weight}` : ""})`).join(", ");
}

/**
 * The tools of the company's Retell agent: every enabled function (built-ins and the company's
 * own, as retell.config deploys them: our custom-function endpoint, their JSON schemas), with
 * short German sentences said while they run, plus end_call and, when a transfer number is set,
 * transfer_call.
 */
import type { RetellLlmCreate } from "@/server/integrations/retell/client";
import type { ServiceContext } from "@/server/core/types";
import { getCustomFunctions, toTool } from "@/server/services/retell-config/custom-functions";

export type AgentTool = NonNullable<RetellLlmCreate["general_tools"]>[number];
type ToolSource = Parameters<typeof toTool>[0];

/** What the agent says while a built-in runs. */
export const EXECUTION_MESSAGES: Readonly<Record<string, string>> = {
  collect_appointment_data: "Einen Moment, ich notiere Ihre Angaben.",
  check_availability: "Einen Moment, ich schaue nach freien Terminen.",
  find_next_slot: "Einen Moment, ich suche den nächsten freien Termin.",
  book_appointment: "Einen Moment, ich buche den Termin.",
  find_appointments: "Einen Moment, ich suche Ihre Termine.",
  change_appointment: "Einen Moment, ich verschiebe den Termin.",
  cancel_appointment: "Einen Moment, ich storniere den Termin.",
  calculate_duration: "Einen Moment, ich rechne kurz nach.",
  answer_question: "Einen Moment, ich schaue nach.",
};

export const END_CALL_TOOL: AgentTool = {
  type: "end_call",
  name: "end_call",
  description: "Beendet das Gespräch, nachdem du dich verabschiedet hast.",
};

export function transferCallTool(number: string): AgentTool {
  return {
    type: "transfer_call",
    name: "transfer_call",
    description: "Leitet den Anruf an einen Mitarbeiter weiter, wenn der Anrufer das wünscht oder ein Werkzeug fehlschlägt.",
    transfer_destination: { type: "predefined", number },
    transfer_option: { type: "cold_transfer" },
    speak_during_execution: true,
    execution_message_description: "Einen Moment, ich verbinde Sie mit einem Mitarbeiter.",
  };
}

/** Names of Retell's own tools that the agent always gets from here. */
const RESERVED_NAMES = new Set(["end_call", "transfer_call"]);

/** The agent's tools in a stable order: the enabled functions by name, then end_call and transfer_call. */
export async function buildAgentTools(ctx: ServiceContext, transferNumber: string | null): Promise<AgentTool[]> {
  const { functions } = await getCustomFunctions(ctx);
  const custom = functions
    .filter((fn) => fn.enabled && !RESERVED_NAMES.has(fn.name))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((fn): AgentTool => {
      const tool = toTool({ name: fn.name, description: fn.description, parameterSchema: fn.parameters as ToolSource["parameterSchema"], timeoutMs: fn.timeout_ms });
      return { ...tool, execution_message_description: EXECUTION_MESSAGES[fn.name] ?? tool.execution_message_description };
    });
  return [...custom, END_CALL_TOOL, ...(transferNumber ? [transferCallTool(transferNumber)] : [])];
}

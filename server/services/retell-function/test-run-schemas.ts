import { z } from "zod";
import { functionAnswerSchema, functionName } from "./schemas";

// retell.function.listTestable
export const listTestableParams = z.object({});
const fieldSchema = z.object({ name: z.string(), description: z.string(), required: z.boolean() });
export const testableFunctionSchema = z.object({
  name: z.string(),
  origin: z.enum(["builtin", "configured"]),
  description: z.string(),
  /** Writes book, move, cancel, keep call data or call an external service; a dry run does none of it. */
  writes: z.boolean(),
  enabled: z.boolean(),
  fields: z.array(fieldSchema),
});
export type TestableFunction = z.output<typeof testableFunctionSchema>;
export const listTestableResult = z.object({
  functions: z.array(testableFunctionSchema),
  branches: z.array(z.object({ id: z.string(), name: z.string() })),
});

// retell.function.test
export const testParams = z.object({
  function_name: functionName,
  /** As the agent would pass them: free text, e.g. datum "übermorgen", uhrzeit "um halb drei". */
  parameters: z.record(z.string(), z.string().max(500)).default({}),
  branch_id: z.string().min(1).optional(),
  /** The caller's number as Retell would report it (optional). */
  caller_number: z.string().max(40).optional(),
  /** Without it, nothing is booked, changed, kept or sent (dry run). */
  confirm: z.boolean().default(false),
});
export const testResult = z.object({
  /** The request exactly as the agent's tool call would bring it. */
  received: z.object({ function_name: z.string(), parameters: z.record(z.string(), z.string()), call_context: z.record(z.string(), z.string()) }),
  /** The answer the agent would get back; `message` is what it says. */
  answer: functionAnswerSchema,
  dry_run: z.boolean(),
  writes: z.boolean(),
});

// retell.function.callFunctionCalls
export const callFunctionCallsParams = z.object({ call_id: z.string().min(1) });
export const callFunctionCallsResult = z.object({
  call_id: z.string(),
  branch_id: z.string().nullable(),
  caller_number: z.string().nullable(),
  calls: z.array(
    z.object({ function_name: z.string(), parameters: z.record(z.string(), z.string()), answer: z.unknown(), created_at: z.string() }),
  ),
});

import type { z } from "zod";

/** The method name is not registered (JSON-RPC -32601, tRPC NOT_FOUND). */
export class MethodNotFoundError extends Error {
  constructor(readonly method: string) {
    super(`Unbekannte Methode: ${method}`);
    this.name = "MethodNotFoundError";
  }
}

/** Params failed the method's zod schema (JSON-RPC -32602 with the issues, tRPC BAD_REQUEST). */
export class InvalidParamsError extends Error {
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super("Ungültige Parameter");
    this.name = "InvalidParamsError";
  }
}

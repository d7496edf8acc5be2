import nodemailer from "nodemailer";

export type SmtpProblem = "auth" | "timeout" | "unreachable" | "tls" | "protocol";

/**
 * Asks the mail server whether it would take our mail, without sending any: connect, greeting,
 * EHLO, STARTTLS and login when the URL asks for them, then QUIT. Resolves, or throws an error
 * whose kind `smtpProblem` tells.
 */
export async function verifySmtp(smtpUrl: string, timeoutMs: number): Promise<void> {
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs });
  try {
    await transport.verify();
  } finally {
    transport.close();
  }
}

/** What went wrong in `verifySmtp`, from nodemailer's error codes. */
export function smtpProblem(error: unknown): SmtpProblem {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "EAUTH" || code === "ENOAUTH") return "auth";
  if (code === "ETIMEDOUT") return "timeout";
  if (code === "ETLS") return "tls";
  if (code === "ECONNECTION" || code === "EDNS" || code === "ESOCKET" || code === "ECONNREFUSED") return "unreachable";
  return "protocol";
}

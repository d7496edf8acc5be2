import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ErrorCodes } from "@/server/core/errors";
import { RpcCodes } from "@/server/doors/jsonrpc/protocol";

/**
 * The user guide's troubleshooting page explains every product error code, and the API page
 * every JSON-RPC protocol code: a code added to the tables without a German explanation (or
 * an explanation left behind for a code that was removed) fails here.
 */
const guide = (file: string) => readFileSync(path.join(process.cwd(), "docs", "handbuch", file), "utf8");

const troubleshooting = guide("fehlerbehebung.md");
const productCodes = Object.values(ErrorCodes) as number[];

/** "### Fehler 1001" up to the next heading. */
function sections(markdown: string): Map<number, string> {
  const found = new Map<number, string>();
  const parts = markdown.split(/^(?=#{1,3} )/m);
  for (const part of parts) {
    const m = /^### Fehler (\d+)\s*$/m.exec(part.split("\n")[0] ?? "");
    if (m) found.set(Number(m[1]), part);
  }
  return found;
}

describe("docs/handbuch/fehlerbehebung.md", () => {
  const byCode = sections(troubleshooting);

  it.each(productCodes)("explains error %i with its message, meaning and what to do", (code) => {
    const section = byCode.get(code);
    expect(section, `Fehlerbehebung: Abschnitt "### Fehler ${code}" fehlt`).toBeDefined();
    expect(section).toMatch(/\*\*Meldung:\*\* \S/);
    expect(section).toMatch(/\*\*Bedeutung:\*\* \S/);
    expect(section).toMatch(/\*\*Was Sie tun:\*\* \S/);
  });

  it.each(productCodes)("lists error %i in the overview table with a link to its section", (code) => {
    expect(troubleshooting).toContain(`| [${code}](#fehler-${code}) |`);
  });

  it("documents no code that the error table does not have", () => {
    const documented = [...byCode.keys()];
    const overview = [...troubleshooting.matchAll(/^\| \[(\d+)\]\(#fehler-\d+\) \|/gm)].map((m) => Number(m[1]));
    expect(documented.filter((c) => !productCodes.includes(c))).toEqual([]);
    expect(overview.filter((c) => !productCodes.includes(c))).toEqual([]);
  });
});

describe("docs/handbuch/api.md", () => {
  const api = guide("api.md");
  const rpcCodes = Object.values(RpcCodes) as number[];

  it.each(rpcCodes)("explains the JSON-RPC protocol code %i", (code) => {
    expect(api).toMatch(new RegExp(`^\\| ${code} \\| \\S`, "m"));
  });

  it("lists no protocol code the gateway does not use", () => {
    const listed = [...api.matchAll(/^\| (-\d+) \|/gm)].map((m) => Number(m[1]));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.filter((c) => !rpcCodes.includes(c))).toEqual([]);
  });
});

import fs from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** The layer rules of eslint.layers.mjs, run on small fixtures: each must fire when broken. */
const root = path.resolve(__dirname, "../..");
let eslint: ESLint;

/** Lints `code` as the file `file` (written for the run: the import rules read files from disk). */
async function messagesFor(code: string, file: string, linter = eslint): Promise<{ ruleId: string | null; message: string }[]> {
  const full = path.join(root, file);
  const existed = fs.existsSync(full);
  if (!existed) fs.writeFileSync(full, code);
  try {
    const [result] = await linter.lintText(code, { filePath: full });
    return result!.messages.map(({ ruleId, message }) => ({ ruleId, message }));
  } finally {
    if (!existed) fs.rmSync(full, { force: true });
  }
}

async function layerErrors(code: string, file: string): Promise<string[]> {
  return (await messagesFor(code, file))
    .filter((m) => m.ruleId === "import/no-restricted-paths" || m.ruleId === "@typescript-eslint/no-restricted-imports")
    .map((m) => m.message);
}

let cycleEslint: ESLint;
const zoneRuleIds = new Set(["import/no-restricted-paths", "@typescript-eslint/no-restricted-imports"]);

beforeAll(() => {
  // Only the rules under test (the cycle rule would walk the app's whole import graph from each fixture).
  eslint = new ESLint({ cwd: root, cache: false, ruleFilter: ({ ruleId }) => zoneRuleIds.has(ruleId) });
  cycleEslint = new ESLint({ cwd: root, cache: false, ruleFilter: ({ ruleId }) => ruleId === "import/no-cycle" });
});

describe("layer boundaries", () => {
  it("refuses a service that imports a door", async () => {
    const errors = await layerErrors('import { handleRpcRequest } from "@/server/doors/jsonrpc/handler";\nexport const x = handleRpcRequest;\n', `server/services/branch/lint-fixture-${process.pid}.ts`);
    expect(errors.join("\n")).toMatch(/never imports a door/);
  });

  it("refuses platform code that imports a service", async () => {
    const errors = await layerErrors('import { metaServer } from "@/server/services/meta/methods";\nexport const x = metaServer;\n', `server/platform/lint-fixture-${process.pid}.ts`);
    expect(errors.join("\n")).toMatch(/knows no service/);
  });

  it("refuses core code that imports the composition root", async () => {
    const errors = await layerErrors('import { servers } from "@/server/composition";\nexport const x = servers;\n', `server/core/lint-fixture-${process.pid}.ts`);
    expect(errors.join("\n")).toMatch(/imports no service and no door/);
  });

  it("refuses scheduling code that imports an integration", async () => {
    const errors = await layerErrors('import { RetellClient } from "@/server/integrations/retell/client";\nexport const x = RetellClient;\n', `server/scheduling/lint-fixture-${process.pid}.ts`);
    expect(errors.join("\n")).toMatch(/leaves/);
  });

  it("refuses a component that takes a service's logic, and allows its zod contract and types", async () => {
    const logic = await layerErrors('import { listAppointments } from "@/server/services/appointments/list";\nexport const x = listAppointments;\n', `components/appointments/lint-fixture-${process.pid}.ts`);
    expect(logic.join("\n")).toMatch(/zod contracts/);
    const contract = await layerErrors('import { bookParams } from "@/server/services/appointments/schemas";\nexport const x = bookParams;\n', `components/appointments/lint-fixture-${process.pid}.ts`);
    expect(contract).toEqual([]);
    const types = await layerErrors('import type { ErrorRate } from "@/server/platform/call-window";\nexport type X = ErrorRate;\n', `components/appointments/lint-fixture-${process.pid}.ts`);
    expect(types).toEqual([]);
  });

  it("lets a door import a service and every layer the error table", async () => {
    expect(await layerErrors('import { metaServer } from "@/server/services/meta/methods";\nexport const x = metaServer;\n', `server/doors/jsonrpc/lint-fixture-${process.pid}.ts`)).toEqual([]);
    expect(await layerErrors('import { AppError } from "@/server/core/errors";\nexport const x = AppError;\n', `server/platform/lint-fixture-${process.pid}.ts`)).toEqual([]);
  });
});

describe("import cycles", () => {
  const dir = path.join(root, "server", "testing", `.lint-cycle-${process.pid}`);

  beforeAll(() => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "a.ts"), 'import { b } from "./b";\nexport const a = () => b();\n');
    fs.writeFileSync(path.join(dir, "b.ts"), 'import { a } from "./a";\nexport const b = () => a();\n');
    fs.writeFileSync(path.join(dir, "c.ts"), 'import { b } from "./b";\nexport const c = () => b();\n');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("refuses two modules that import each other", async () => {
    const messages = await messagesFor(fs.readFileSync(path.join(dir, "a.ts"), "utf8"), path.relative(root, path.join(dir, "a.ts")), cycleEslint);
    expect(messages.some((m) => m.ruleId === "import/no-cycle")).toBe(true);
  });

  it("accepts a module that only imports into the cycle", async () => {
    const messages = await messagesFor(fs.readFileSync(path.join(dir, "c.ts"), "utf8"), path.relative(root, path.join(dir, "c.ts")), cycleEslint);
    expect(messages.filter((m) => m.ruleId === "import/no-cycle")).toEqual([]);
  });
});

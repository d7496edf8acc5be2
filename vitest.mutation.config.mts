import { defineConfig } from "vitest/config";
import base from "./vitest.config.mts";

/**
 * The unit-test config narrowed to the test files named in MUTATION_TESTS (comma-separated),
 * so that Stryker runs each module against its own tests only.
 */
const include = (process.env.MUTATION_TESTS ?? "").split(",").filter(Boolean);
if (include.length === 0) throw new Error("MUTATION_TESTS names no test files.");

// Stryker runs one module's few test files again and again: each in a process of its own, as before
// the main suite shared its workers.
export default defineConfig({ ...base, test: { ...base.test, include, isolate: true } });

import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Ports and build folder can be moved so that two e2e runs fit on one machine.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const RETELL_PORT = Number(process.env.E2E_RETELL_PORT ?? PORT + 1);
const TWILIO_PORT = PORT + 4;
const SEVEN_PORT = PORT + 5;
const baseURL = `http://127.0.0.1:${PORT}`;
// A second install of the same build, started without demo data, for the onboarding flow (e2e/onboarding.spec.ts).
const ONBOARDING_PORT = PORT + 10;
const ONBOARDING_RETELL_PORT = PORT + 11;
process.env.E2E_ONBOARDING_URL ??= `http://127.0.0.1:${ONBOARDING_PORT}`;
process.env.E2E_ONBOARDING_RETELL_URL ??= `http://127.0.0.1:${ONBOARDING_RETELL_PORT}`;
/** The onboarding install's session secret: its set-up code derives from it, so the spec can type the code the log shows. */
process.env.E2E_ONBOARDING_SECRET ??= "e2e-onboarding-secret-0123456789abcdef";
/** The Retell key of the empty workspace the new company connects, and the number it imports. */
process.env.E2E_ONBOARDING_RETELL_KEY ??= "key_onboarding_workspace";
process.env.E2E_ONBOARDING_NUMBER ??= "+4940123456789";

// One fresh embedded database per run; set once here and inherited by the worker processes.
process.env.E2E_DATA_DIR ??= path.join(".data", `e2e-${Date.now()}`);

const desktop = { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 900 } };
const DEMO_DATA_SPECS = /\/(login|appointments|calls)\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  // Only the Playwright specs: e2e/embedded and e2e/multi-instance are vitest suites of their own.
  testMatch: "*.spec.ts",
  outputDir: "test-results/artifacts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL,
    locale: "de-DE",
    timezoneId: "Europe/Berlin",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    // Specs that assert the demo data's exact figures run first; the flows after them book, move and add customers.
    { name: "demo-data", testMatch: DEMO_DATA_SPECS, use: desktop },
    { name: "chromium", testMatch: "*.spec.ts", testIgnore: DEMO_DATA_SPECS, dependencies: ["demo-data"], use: desktop },
  ],
  webServer: [
    {
      // The Retell API the app talks to for agents and phone numbers (fake, on 127.0.0.1).
      command: "npm run fake:retell",
      url: `http://127.0.0.1:${RETELL_PORT}/v2/list-phone-numbers`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      env: { FAKE_RETELL_PORT: String(RETELL_PORT) },
    },
    {
      // The SMS providers the app sends through (fake Twilio and seven.io, on 127.0.0.1), with delivery reports.
      command: "npm run fake:sms",
      port: TWILIO_PORT,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      env: { FAKE_TWILIO_PORT: String(TWILIO_PORT), FAKE_SEVEN_PORT: String(SEVEN_PORT), FAKE_SMS_CALLBACK_MS: "500" },
    },
    {
      // A production build; `npm start` migrates and seeds the embedded database first.
      command: "npm run build && npm start",
      url: `${baseURL}/login`,
      reuseExistingServer: !process.env.CI,
      timeout: 15 * 60_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      env: {
        PORT: String(PORT),
        APP_URL: baseURL,
        RETELL_API_BASE_URL: `http://127.0.0.1:${RETELL_PORT}`,
        SMS_TWILIO_BASE_URL: `http://127.0.0.1:${TWILIO_PORT}`,
        SMS_SEVEN_BASE_URL: `http://127.0.0.1:${SEVEN_PORT}`,
        // Company-configured URLs in the specs point at local fakes (http://127.0.0.1).
        ALLOW_INSECURE_OUTBOUND_HTTP: "true",
        PGLITE_DATA_DIR: path.join(process.env.E2E_DATA_DIR, "pglite"),
        LOG_LEVEL: "warn",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
    {
      // The new company's own Retell workspace (a fake of its own) with one unbound number to import.
      command: "npm run fake:retell",
      url: `${process.env.E2E_ONBOARDING_RETELL_URL}/v2/list-phone-numbers`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      env: {
        FAKE_RETELL_PORT: String(ONBOARDING_RETELL_PORT),
        DEMO_RETELL_API_KEY: process.env.E2E_ONBOARDING_RETELL_KEY,
        FAKE_RETELL_EXTRA_NUMBERS: process.env.E2E_ONBOARDING_NUMBER,
      },
    },
    {
      // The same build (made by the server above) on a new embedded database without demo data.
      command: "npm start",
      url: `${process.env.E2E_ONBOARDING_URL}/login`,
      reuseExistingServer: false,
      timeout: 5 * 60_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      env: {
        PORT: String(ONBOARDING_PORT),
        APP_URL: process.env.E2E_ONBOARDING_URL,
        AUTH_SECRET: process.env.E2E_ONBOARDING_SECRET,
        SEED_DEMO: "false",
        RETELL_API_BASE_URL: process.env.E2E_ONBOARDING_RETELL_URL,
        ALLOW_INSECURE_OUTBOUND_HTTP: "true",
        PGLITE_DATA_DIR: path.join(process.env.E2E_DATA_DIR, "onboarding-pglite"),
        LOG_LEVEL: "warn",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  ],
});

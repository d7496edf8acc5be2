import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectNoPageOverflow, logIn, shot } from "./helpers";

let rpcId = 1;
/** One JSON-RPC call to the gateway with a bearer token, as an outside system makes it. */
async function rpc(request: APIRequestContext, token: string, method: string, params: object = {}) {
  const res = await request.post("/api/mcp", {
    headers: { Authorization: `Bearer ${token}` },
    data: { jsonrpc: "2.0", id: rpcId++, method, params },
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers are checked field by field
  return { status: res.status(), body: (await res.json()) as { result?: { data: any }; error?: { code: number; message: string } } };
}

test("an admin creates a token, an outside system books with it, the admin revokes it and the gateway refuses it at once", async ({ page, request }) => {
  await logIn(page, "admin");
  await page.goto("/api-tokens");
  await expect(page.getByRole("heading", { level: 1, name: "API-Tokens" })).toBeVisible();

  await page.getByRole("button", { name: "Token erstellen" }).click();
  const dialog = page.getByRole("dialog", { name: "API-Token erstellen" });
  // The form checks with the same schema as the server: a name is required.
  await dialog.getByRole("button", { name: "Token erstellen" }).click();
  await expect(dialog.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByText("Bitte einen Namen angeben.")).toBeVisible();

  await dialog.getByLabel("Name").fill("E2E-CRM");
  // Suggested is read-only access everywhere and no configuration; the CRM also books.
  await expect(dialog.getByRole("combobox", { name: "branch", exact: true })).toHaveText("Nur lesen");
  await expect(dialog.getByRole("checkbox", { name: /^Konfiguration calcom/ })).not.toBeChecked();
  await dialog.getByRole("combobox", { name: "appointments", exact: true }).click();
  await page.getByRole("option", { name: "Lesen und schreiben" }).click();
  await dialog.getByRole("combobox", { name: "queue", exact: true }).click();
  await page.getByRole("option", { name: "Kein Zugriff" }).click();
  await dialog.getByRole("button", { name: "Token erstellen" }).click();

  const created = page.getByRole("dialog", { name: "Token „E2E-CRM“ erstellt" });
  await expect(created.getByText("Nur jetzt sichtbar")).toBeVisible();
  await expect(created.getByRole("button", { name: "Kopieren" })).toBeVisible();
  const token = await created.getByLabel("Ihr neues Token").inputValue();
  expect(token).toMatch(/^apk_[\w-]{40,}$/);
  await shot(page, "api-tokens-token-dialog");
  await created.getByRole("button", { name: "Fertig" }).click();

  const row = page.getByTestId("token-E2E-CRM");
  await expect(row).toContainText(`${token.slice(0, 12)}…`);
  await expect(row).toContainText("appointments");
  await expect(row).toContainText("Aktiv");
  await expect(page.getByTestId("stat-Aktive Tokens")).toHaveText("1");
  // The clear token is not on the page any more.
  await expect(page.locator("body")).not.toContainText(token);

  // The token works at the gateway: discovery, then a booking within its servers …
  const discovered = await rpc(request, token, "mcp.discover");
  expect(discovered.status).toBe(200);
  const visible = discovered.body.result?.data.servers.map((s: { name: string }) => s.name);
  expect(visible).toEqual(expect.arrayContaining(["mcp", "branch", "appointments"]));
  expect(visible).not.toContain("retell.config");
  expect(visible).not.toContain("queue");
  const branches = await rpc(request, token, "branch.list");
  const mitte = branches.body.result?.data.branches.find((b: { name: string }) => b.name.endsWith("Mitte"));
  const next = await rpc(request, token, "appointments.findNextSlot", { branch_id: mitte.id, service_name: "Herrenhaarschnitt" });
  expect(next.body.result?.data.found).toBe(true);
  const [day, month, year] = next.body.result?.data.slot.date.split(".");
  const booked = await rpc(request, token, "appointments.book", {
    branch_id: mitte.id,
    service_name: "Herrenhaarschnitt",
    date: `${year}-${month}-${day}`,
    time: next.body.result?.data.slot.time,
    customer_name: "Theo Token",
    customer_phone: "+49 176 5550199",
  });
  expect(booked.body.result?.data).toMatchObject({ success: true, appointment: { source: "api" } });
  // … but not beyond them: no queue, no writes where it may only read, no configuration.
  expect((await rpc(request, token, "queue.stats")).body.error?.code).toBe(3006);
  expect((await rpc(request, token, "branch.create", { name: "Filiale Token" })).body.error?.code).toBe(3006);
  expect((await rpc(request, token, "company.update", { name: "Übernommen" })).body.error?.code).toBe(3006);

  // The booking's confirmation is a job in the Warteschlange.
  await page.goto("/warteschlange");
  const job = page.getByTestId("queue-job").filter({ hasText: "+491765550199" });
  await expect(job).toHaveCount(1);
  await expect(job).toContainText("Nachricht an Kundschaft");
  await expect(job).toContainText("SMS an +491765550199: Bestätigung");
  await shot(page, "warteschlange-auftrag");

  await page.goto("/api-tokens");
  await row.getByRole("button", { name: "Token „E2E-CRM“ widerrufen" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Token „E2E-CRM“ widerrufen?" });
  await confirm.getByRole("button", { name: "Endgültig widerrufen" }).click();
  await expect(page.getByText("Token „E2E-CRM“ wurde widerrufen.")).toBeVisible();
  await expect(row).toContainText(/Widerrufen am \d{2}\.\d{2}\.\d{4}/);
  await expect(row.getByRole("button", { name: /widerrufen/ })).toHaveCount(0);
  await expect(page.getByTestId("stat-Widerrufene Tokens")).toHaveText("1");
  await expect(page.getByTestId("stat-Aktive Tokens")).toHaveText("0");
  await shot(page, "api-tokens-widerrufen");

  // Refused right away, although the gateway had this token in its cache a moment ago.
  const refused = await rpc(request, token, "mcp.discover");
  expect(refused.status).toBe(401);
  expect(refused.body.error?.code).toBe(-32001);

  // On a tablet the wide table scrolls in its own box, not the page.
  await page.setViewportSize({ width: 820, height: 1180 });
  await expect(row).toBeVisible();
  await expectNoPageOverflow(page, "page wider than the tablet screen");
});

test("staff cannot reach the token management, neither the page nor its API", async ({ page }) => {
  await logIn(page, "staff");
  await page.goto("/api-tokens");
  await expect(page.getByRole("heading", { name: "Keine Berechtigung" })).toBeVisible();
  const res = await page.request.get("/api/trpc/dashboard.tokens.list");
  expect(res.status()).toBe(403);
});

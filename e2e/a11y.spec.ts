import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { NAV_ITEMS } from "../components/dashboard/nav-items";
import { logIn } from "./helpers";

/**
 * An automated accessibility check (axe-core, WCAG 2.0/2.1 A and AA) on every dashboard section
 * of the sidebar, the detail pages reachable from the lists and the pages seen without a session;
 * plus the key pages at a tablet's width (820 px) for overflow and clipped buttons.
 * Read-only: it opens pages and changes nothing.
 */

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21aa"];
const BLOCKING = new Set(["serious", "critical"]);
const TABLET = { width: 820, height: 1180 };

type State = Awaited<ReturnType<import("@playwright/test").BrowserContext["storageState"]>>;
let adminState: State;

test.beforeAll(async ({ browser }, testInfo) => {
  const page = await newPage(browser, testInfo);
  await logIn(page, "admin");
  adminState = await page.context().storageState();
  await page.context().close();
});

async function newPage(browser: Browser, testInfo: TestInfo, options: { loggedIn?: boolean; viewport?: typeof TABLET } = {}): Promise<Page> {
  const { use } = testInfo.project;
  const context = await browser.newContext({
    baseURL: use.baseURL,
    locale: use.locale,
    timezoneId: use.timezoneId,
    viewport: options.viewport ?? use.viewport,
    storageState: options.loggedIn ? adminState : undefined,
  });
  return context.newPage();
}

/** Waits until the page shows its heading and no loading placeholders are left. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator("h1").first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-slot="skeleton"]')).toHaveCount(0, { timeout: 30_000 });
}

/** Runs axe on the page as it is and fails with a readable list of serious and critical violations. */
async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const blocking = violations.filter((v) => v.impact && BLOCKING.has(v.impact));
  const report = blocking
    .map((v) => [`[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`, ...v.nodes.slice(0, 8).map((n) => `    ${n.target.join(" ")}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, "\n      ")}` : ""}`)].join("\n"))
    .join("\n");
  expect(blocking, `Accessibility violations on ${label}:\n${report}`).toEqual([]);
}

async function check(browser: Browser, testInfo: TestInfo, path: string, loggedIn: boolean): Promise<void> {
  const page = await newPage(browser, testInfo, { loggedIn });
  await page.goto(path);
  await settled(page);
  await expectNoSeriousViolations(page, path);
  await page.context().close();
}

/** The href of the first link in a list that leads to a detail page, or null when the list is empty. */
async function firstDetailHref(browser: Browser, testInfo: TestInfo, listPath: string, detail: RegExp): Promise<string | null> {
  const page = await newPage(browser, testInfo, { loggedIn: true });
  await page.goto(listPath);
  await settled(page);
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  await page.context().close();
  return hrefs.find((href) => detail.test(href)) ?? null;
}

test.describe("no serious or critical accessibility violations", () => {
  test.describe.configure({ timeout: 120_000 });

  for (const item of NAV_ITEMS) {
    test(`${item.title} (${item.href})`, async ({ browser }, testInfo) => {
      await check(browser, testInfo, item.href, true);
    });
  }

  for (const path of ["/termine/liste", "/konto", "/hilfe", "/hilfe/fehlerbehebung"]) {
    test(`dashboard page ${path}`, async ({ browser }, testInfo) => {
      await check(browser, testInfo, path, true);
    });
  }

  const details: { name: string; list: string; detail: RegExp; required: boolean }[] = [
    { name: "a call's detail", list: "/anrufe", detail: /^\/anrufe\/[^/?]+$/, required: true },
    { name: "an appointment's detail", list: "/termine/liste", detail: /^\/termine\/(?!liste|druck)[^/?]+$/, required: true },
    { name: "a customer's detail", list: "/kunden", detail: /^\/kunden\/[^/?]+$/, required: true },
  ];
  for (const { name, list, detail, required } of details) {
    test(name, async ({ browser }, testInfo) => {
      const href = await firstDetailHref(browser, testInfo, list, detail);
      if (required) expect(href, `a link to ${name} on ${list}`).not.toBeNull();
      if (href) await check(browser, testInfo, href, true);
    });
  }

  for (const path of ["/login", "/zahlung", "/zahlung?status=bezahlt", "/passwort-setzen/ungueltig"]) {
    test(`without a session: ${path}`, async ({ browser }, testInfo) => {
      await check(browser, testInfo, path, false);
    });
  }
});

test.describe("tablet (820 px)", () => {
  test.describe.configure({ timeout: 120_000 });

  const KEY_PAGES = ["/uebersicht", "/termine/liste", "/anrufe", "/rueckrufe", "/kunden", "/einstellungen", "/benutzer", "/protokoll", "/webhook-ereignisse"];
  for (const path of KEY_PAGES) {
    test(`${path}: no horizontal overflow, tables show every column, buttons not clipped, no violations`, async ({ browser }, testInfo) => {
      const page = await newPage(browser, testInfo, { loggedIn: true, viewport: TABLET });
      await page.goto(path);
      await settled(page);

      const layout = await page.evaluate(() => {
        const main = document.querySelector("main")!;
        const mainBox = main.getBoundingClientRect();
        const label = (el: Element) => (el.getAttribute("aria-label") || el.textContent || el.tagName).trim().slice(0, 60);
        const clippedButtons = [...main.querySelectorAll("button, a[data-slot='button']")]
          .filter((el) => (el as HTMLElement).offsetParent !== null && !el.closest("[data-slot='table-container']"))
          .filter((el) => {
            const box = el.getBoundingClientRect();
            return box.width > 0 && (box.left < mainBox.left - 1 || box.right > mainBox.right + 1);
          })
          .map(label);
        const scrollingTables = [...main.querySelectorAll("[data-slot='table-container']")]
          .filter((el) => el.scrollWidth > el.clientWidth + 1)
          .map((el) => [...el.querySelectorAll("th")].map((th) => th.textContent?.trim()).join(" | "));
        return {
          pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
          mainOverflow: main.scrollWidth - main.clientWidth,
          clippedButtons,
          scrollingTables,
        };
      });
      expect(layout.pageOverflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
      expect(layout.mainOverflow, "the main area scrolls sideways").toBeLessThanOrEqual(0);
      expect(layout.clippedButtons, "buttons cut off at the edge of the main area").toEqual([]);
      expect(layout.scrollingTables, "tables whose columns need sideways scrolling").toEqual([]);
      await expect(page.getByRole("button", { name: "Navigation öffnen" })).toBeVisible();
      await expectNoSeriousViolations(page, `${path} at 820 px`);
      await page.context().close();
    });
  }
});

test("the skip link is the first focusable element and leads to the main content", async ({ browser }, testInfo) => {
  const page = await newPage(browser, testInfo, { loggedIn: true });
  await page.goto("/uebersicht");
  await settled(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Zum Inhalt springen" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#inhalt$/);
  await expect(page.locator("main#inhalt")).toBeFocused();
  await page.context().close();
});

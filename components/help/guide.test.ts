import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GUIDE_DIR, renderGuideMarkdown, renderGuidePage, safeHref, type RenderedGuidePage } from "./guide";
import { allContextHelp, GUIDE_PAGES, HELP_BASE } from "./guide-pages";

async function renderAll(): Promise<Map<string, RenderedGuidePage>> {
  const rendered = new Map<string, RenderedGuidePage>();
  for (const page of GUIDE_PAGES) {
    const r = await renderGuidePage(page.slug);
    if (!r) throw new Error(`Die Handbuchseite "${page.slug}" lässt sich nicht darstellen.`);
    rendered.set(page.slug, r);
  }
  return rendered;
}

/** "/hilfe/funktionen#eigene-funktionen" → the page's slug and the anchor. */
function target(href: string): { slug: string; anchor?: string } {
  const [pathPart, anchor] = href.split("#");
  const slug = pathPart === HELP_BASE ? "" : pathPart!.slice(HELP_BASE.length + 1);
  return { slug, anchor: anchor ? decodeURIComponent(anchor) : undefined };
}

describe("user guide pages", () => {
  it("lists every markdown file of docs/handbuch as a page, and nothing else", () => {
    const files = readdirSync(GUIDE_DIR).filter((f) => f.endsWith(".md")).sort();
    expect(GUIDE_PAGES.map((p) => p.file).sort()).toEqual(files);
  });

  it("renders every page to HTML with one top heading", async () => {
    for (const [slug, r] of await renderAll()) {
      expect(r.html.match(/<h1 /g), `Seite "${slug}"`).toHaveLength(1);
      expect(r.html).toContain("<p>");
      expect(r.html, `Seite "${slug}" enthält rohes HTML`).not.toMatch(/<(script|iframe|img|style)\b/i);
    }
  });

  it("links only to guide pages and headings that exist", async () => {
    const rendered = await renderAll();
    const broken: string[] = [];
    let links = 0;
    for (const [slug, r] of rendered) {
      for (const href of r.guideLinks) {
        links++;
        const t = target(href);
        const page = rendered.get(t.slug);
        if (!page || (t.anchor && !page.headingIds.includes(t.anchor))) broken.push(`${slug || "README"} → ${href}`);
      }
      // Anchors within the page ("#fehler-1001") must name one of its own headings.
      for (const m of r.html.matchAll(/href="#([^"]+)"/g)) {
        links++;
        if (!r.headingIds.includes(decodeURIComponent(m[1]!))) broken.push(`${slug || "README"} → #${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
    expect(links).toBeGreaterThan(20);
  });

  it("gives each error section of Fehlerbehebung the anchor fehler-<code>", async () => {
    const r = (await renderGuidePage("fehlerbehebung"))!;
    expect(r.headingIds).toContain("fehler-1001");
    expect(r.html).toContain('<h3 id="fehler-4008">Fehler 4008</h3>');
  });

  it("leads every context link of the help menu to an existing page and heading", async () => {
    const rendered = await renderAll();
    for (const { path, href } of allContextHelp()) {
      const t = target(href);
      const page = rendered.get(t.slug);
      expect(page, `Hilfe zu ${path}`).toBeDefined();
      if (t.anchor) expect(page!.headingIds, `Hilfe zu ${path}`).toContain(t.anchor);
    }
  });

  it("has no page for an unknown address", async () => {
    expect(await renderGuidePage("gibt-es-nicht")).toBeNull();
    expect(await renderGuidePage("../README")).toBeNull();
  });
});

describe("rendering is safe", () => {
  it("shows raw HTML as text", () => {
    const { html } = renderGuideMarkdown('Text <script>alert("x")</script> und <img src=x onerror=alert(1)>\n\n<div onclick="x()">Block</div>\n');
    expect(html).not.toMatch(/<(script|img|div)\b/i);
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("&lt;div onclick=&quot;x()&quot;&gt;");
  });

  it("drops links with other schemes and keeps their text", () => {
    const { html } = renderGuideMarkdown("[Klick](javascript:alert(1)) [Daten](data:text/html,x) [Datei](geheim.md) [Web](https://example.org)");
    expect(html).not.toMatch(/javascript:|data:|geheim/);
    expect(html).toContain("Klick");
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer" target="_blank">Web</a>');
  });

  it("turns links to guide files into /hilfe addresses", () => {
    expect(safeHref("erste-schritte.md#benutzer-anlegen")).toBe("/hilfe/erste-schritte#benutzer-anlegen");
    expect(safeHref("README.md")).toBe("/hilfe");
    expect(safeHref("./api.md")).toBe("/hilfe/api");
    expect(safeHref("/termine")).toBe("/termine");
    expect(safeHref("//evil.example")).toBeNull();
    expect(safeHref("#fehler-3006")).toBe("#fehler-3006");
  });

  it("escapes quotes in link targets and titles", () => {
    const { html } = renderGuideMarkdown('[x](https://example.org/"onmouseover="a "t\\"i")');
    expect(html).not.toMatch(/"onmouseover="/);
  });

  it("gives headings GitHub's ids, numbered when they repeat", () => {
    const { headingIds } = renderGuideMarkdown("# Titel\n\n## Öffnungszeiten & Pausen\n\n## Fehler 1001\n\n## Fehler 1001\n");
    expect(headingIds).toEqual(["titel", "öffnungszeiten--pausen", "fehler-1001", "fehler-1001-1"]);
  });
});

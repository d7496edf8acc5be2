import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Marked, type Tokens } from "marked";
import { GUIDE_PAGES, guidePageBySlug, guidePageHref, type GuidePage } from "./guide-pages";

/**
 * Renders the user guide's markdown (docs/handbuch) to HTML on the server. The files are ours,
 * but the output goes into the page as HTML, so it is made safe anyway: raw HTML in the markdown
 * is shown as text, images become their alt text, and only links to guide pages, anchors,
 * dashboard paths, https, http and mailto are kept.
 */
export const GUIDE_DIR = path.join(process.cwd(), "docs", "handbuch");

export interface RenderedGuidePage {
  page: GuidePage;
  html: string;
  /** The ids given to the headings, in order. */
  headingIds: string[];
  /** Links to guide pages as rendered: "/hilfe/…" with an optional "#anchor". */
  guideLinks: string[];
}

export async function readGuideMarkdown(page: GuidePage): Promise<string> {
  return readFile(path.join(GUIDE_DIR, page.file), "utf8");
}

/** The page at /hilfe/<slug>; null for a slug that is no guide page. */
export async function renderGuidePage(slug: string): Promise<RenderedGuidePage | null> {
  const page = guidePageBySlug(slug);
  if (!page) return null;
  return { page, ...renderGuideMarkdown(await readGuideMarkdown(page)) };
}

export function renderGuideMarkdown(markdown: string): Omit<RenderedGuidePage, "page"> {
  const headingIds: string[] = [];
  const guideLinks: string[] = [];
  const marked = new Marked({
    gfm: true,
    renderer: {
      html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
      image: ({ text }: Tokens.Image) => escapeHtml(text),
      heading({ tokens, depth, text }: Tokens.Heading) {
        const id = uniqueId(headingSlug(text), headingIds);
        headingIds.push(id);
        return `<h${depth} id="${id}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
      link({ href, title, tokens }: Tokens.Link) {
        const label = this.parser.parseInline(tokens);
        const target = safeHref(href);
        if (target === null) return label;
        if (target.startsWith("/hilfe")) guideLinks.push(target);
        const external = /^https?:/i.test(target);
        const titleAttr = title ? ` title="${escapeHtml(title)}"` : "";
        return `<a href="${escapeHtml(target)}"${titleAttr}${external ? ' rel="noopener noreferrer" target="_blank"' : ""}>${label}</a>`;
      },
    },
  });
  const html = marked.parse(markdown, { async: false });
  return { html, headingIds, guideLinks };
}

/** GitHub's heading ids: lower case, punctuation dropped, spaces to hyphens (umlauts stay). */
export function headingSlug(text: string): string {
  return text
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function uniqueId(base: string, taken: string[]): string {
  let id = base || "abschnitt";
  for (let n = 1; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Where a link may go: "x.md#a" (a guide page) becomes its /hilfe address; anchors, dashboard
 * paths ("/termine"), https, http and mailto stay; anything else (javascript:, data:, a file
 * that is no guide page) is dropped (null) and only its text is shown.
 */
export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  const md = /^(?:\.\/)?([\w-]+\.md)(#[^\s]*)?$/.exec(trimmed);
  if (md) {
    const page = GUIDE_PAGES.find((p) => p.file === md[1]);
    return page ? guidePageHref(page.slug, md[2] ? decodeURIComponent(md[2].slice(1)) : undefined) : null;
  }
  if (trimmed.startsWith("#")) return trimmed;
  if (/^\/(?!\/)/.test(trimmed)) return trimmed;
  if (/^(https?:|mailto:)/i.test(trimmed)) return trimmed;
  return null;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

import Link from "next/link";
import { cn } from "@/components/ui/utils";
import { GUIDE_PAGES, guidePageHref } from "./guide-pages";
import type { RenderedGuidePage } from "./guide";

/** Styles for the rendered markdown (no typography plugin: the few elements the guide uses). */
const ARTICLE = cn(
  "min-w-0 max-w-3xl text-sm leading-relaxed",
  "[&_h1]:mb-4 [&_h1]:text-2xl [&_h1]:font-semibold [&_h1]:tracking-tight",
  "[&_h2]:mt-8 [&_h2]:mb-3 [&_h2]:scroll-mt-20 [&_h2]:text-xl [&_h2]:font-semibold",
  "[&_h3]:mt-6 [&_h3]:mb-2 [&_h3]:scroll-mt-20 [&_h3]:text-base [&_h3]:font-semibold",
  "[&_p]:my-3 [&_ul]:my-3 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-3 [&_ol]:list-decimal [&_ol]:pl-6 [&_li]:my-1",
  "[&_a]:font-medium [&_a]:text-primary [&_a]:underline [&_a]:underline-offset-2",
  "[&_code]:rounded [&_code]:bg-muted [&_code]:px-1 [&_code]:py-0.5 [&_code]:font-mono [&_code]:text-xs",
  "[&_pre]:my-3 [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-muted [&_pre]:p-3 [&_pre_code]:bg-transparent [&_pre_code]:p-0",
  "[&_blockquote]:my-3 [&_blockquote]:border-l-4 [&_blockquote]:border-primary/40 [&_blockquote]:pl-4 [&_blockquote]:text-muted-foreground",
  "[&_table]:my-4 [&_table]:block [&_table]:overflow-x-auto [&_table]:text-left [&_th]:border-b [&_th]:px-2 [&_th]:py-1.5 [&_th]:font-semibold",
  "[&_td]:border-b [&_td]:px-2 [&_td]:py-1.5 [&_td]:align-top [&_hr]:my-6",
);

/** A guide page with the list of all pages beside it; `children` follow the page's text. */
export function GuideView({ rendered, children }: { rendered: RenderedGuidePage; children?: React.ReactNode }) {
  return (
    <div className="grid gap-6 lg:grid-cols-[15rem_1fr]">
      <nav aria-label="Seiten des Handbuchs" className="lg:sticky lg:top-20 lg:self-start">
        <p className="mb-2 px-3 text-xs font-semibold uppercase tracking-wide text-muted-foreground">Handbuch</p>
        <ul className="grid gap-0.5">
          {GUIDE_PAGES.map((p) => {
            const active = p.slug === rendered.page.slug;
            return (
              <li key={p.slug}>
                <Link
                  href={guidePageHref(p.slug)}
                  aria-current={active ? "page" : undefined}
                  className={cn("block rounded-md px-3 py-1.5 text-sm hover:bg-accent", active && "bg-accent font-medium")}
                >
                  {p.title}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {/* The HTML comes from our own markdown, rendered with raw HTML escaped and links filtered (guide.ts). */}
      <div className="min-w-0">
        <article className={ARTICLE} dangerouslySetInnerHTML={{ __html: rendered.html }} />
        {children}
      </div>
    </div>
  );
}

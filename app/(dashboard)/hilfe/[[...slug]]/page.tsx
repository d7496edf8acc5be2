import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { renderGuidePage } from "@/components/help/guide";
import { guidePageBySlug } from "@/components/help/guide-pages";
import { GuideView } from "@/components/help/guide-view";
import { methodDirectory } from "@/components/help/method-directory";
import { MethodDirectoryView } from "@/components/help/method-directory-view";
import { registry } from "@/server/composition";

type Props = { params: Promise<{ slug?: string[] }> };

/** "/hilfe" is the guide's start page; "/hilfe/fehlerbehebung" one of its pages. */
function slugOf(parts: string[] | undefined): string | null {
  if (!parts || parts.length === 0) return "";
  return parts.length === 1 ? parts[0]! : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = slugOf((await params).slug);
  const page = slug === null ? undefined : guidePageBySlug(slug);
  return { title: page ? `Hilfe: ${page.title}` : "Hilfe" };
}

export default async function Page({ params }: Props) {
  const slug = slugOf((await params).slug);
  const rendered = slug === null ? null : await renderGuidePage(slug);
  if (!rendered) notFound();
  return (
    <GuideView rendered={rendered}>
      {/* The API page ends with every method of the registry, so it cannot fall behind the code. */}
      {rendered.page.slug === "api" && <MethodDirectoryView servers={methodDirectory(registry.servers)} />}
    </GuideView>
  );
}

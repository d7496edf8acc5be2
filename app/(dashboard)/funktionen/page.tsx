import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { SectionFigures } from "@/components/dashboard/section-figures";
import { requireAdmin } from "@/server/auth/session";

export const metadata: Metadata = { title: "Funktionen" };

export default async function Page() {
  await requireAdmin();
  return (
    <>
      <PageHeader section="funktionen" />
      <SectionFigures section="funktionen" />
    </>
  );
}

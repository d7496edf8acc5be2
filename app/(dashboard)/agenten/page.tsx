import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { SectionFigures } from "@/components/dashboard/section-figures";
import { requireAdmin } from "@/server/auth/session";

export const metadata: Metadata = { title: "Agenten & Nummern" };

export default async function Page() {
  await requireAdmin();
  return (
    <>
      <PageHeader section="agenten" />
      <SectionFigures section="agenten" />
    </>
  );
}

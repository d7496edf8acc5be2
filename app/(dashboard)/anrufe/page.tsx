import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { SectionFigures } from "@/components/dashboard/section-figures";
import { requireSession } from "@/server/auth/session";

export const metadata: Metadata = { title: "Anrufe" };

export default async function Page() {
  await requireSession();
  return (
    <>
      <PageHeader section="anrufe" />
      <SectionFigures section="anrufe" />
    </>
  );
}

import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { SectionFigures } from "@/components/dashboard/section-figures";
import { requireSession } from "@/server/auth/session";

export const metadata: Metadata = { title: "Termine" };

export default async function Page() {
  await requireSession();
  return (
    <>
      <PageHeader section="termine" />
      <SectionFigures section="termine" />
    </>
  );
}

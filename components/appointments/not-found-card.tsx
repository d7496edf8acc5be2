import type { LucideIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** A detail page's answer for an id that is unknown or another company's: the same words for both. */
export function NotFoundCard({ icon: Icon, title, text, href, linkLabel }: { icon: LucideIcon; title: string; text: string; href: string; linkLabel: string }) {
  return (
    <Card className="mx-auto mt-10 flex max-w-lg flex-col items-center gap-3 px-6 py-10 text-center">
      <span className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground">
        <Icon className="size-6" aria-hidden />
      </span>
      <p className="text-sm font-medium text-muted-foreground">Fehler 404</p>
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="text-sm text-muted-foreground">{text}</p>
      <Button asChild variant="outline" className="mt-2">
        <Link href={href}>{linkLabel}</Link>
      </Button>
    </Card>
  );
}

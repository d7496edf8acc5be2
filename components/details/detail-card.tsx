import type { LucideIcon } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

/** One block of a detail page: a titled card, usually holding a Facts list of the same name. */
export function DetailCard({ icon: Icon, title, contentClassName, children }: { icon?: LucideIcon; title: string; contentClassName?: string; children: React.ReactNode }) {
  return (
    <Card>
      <CardHeader>
        {Icon ? (
          <CardTitle className="flex items-center gap-2">
            <Icon className="size-4 text-muted-foreground" aria-hidden /> {title}
          </CardTitle>
        ) : (
          <CardTitle>{title}</CardTitle>
        )}
      </CardHeader>
      <CardContent className={contentClassName}>{children}</CardContent>
    </Card>
  );
}

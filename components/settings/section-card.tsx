import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";

/** A settings section: title, what it is for, an optional action (e.g. "anlegen"), and its content. */
export function SectionCard({
  id,
  title,
  description,
  action,
  children,
}: {
  id: string;
  title: string;
  description: React.ReactNode;
  action?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <Card id={id} className="min-w-0 scroll-mt-20" aria-labelledby={`${id}-title`} role="region">
      <CardHeader className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="grid min-w-0 gap-1.5">
          <h2 id={`${id}-title`} className="font-semibold leading-none tracking-tight">
            {title}
          </h2>
          <CardDescription>{description}</CardDescription>
        </div>
        {action && <div className="shrink-0">{action}</div>}
      </CardHeader>
      <CardContent className="min-w-0">{children}</CardContent>
    </Card>
  );
}

import { Brand } from "@/components/brand";
import { Card, CardContent, CardHeader } from "@/components/ui/card";

/** The small centred card of the pages without a session (login, setting a password). */
export function AuthCard({ header, footer, children }: { header: React.ReactNode; footer?: React.ReactNode; children: React.ReactNode }) {
  return (
    <main className="flex min-h-dvh items-center justify-center bg-gradient-to-b from-accent/60 to-background px-4 py-12">
      <div className="w-full max-w-sm">
        <Brand className="mb-6 justify-center text-lg" />
        <Card className="shadow-md">
          <CardHeader className="pb-4">{header}</CardHeader>
          <CardContent>{children}</CardContent>
        </Card>
        {footer}
      </div>
    </main>
  );
}

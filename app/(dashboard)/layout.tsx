import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import { TRPCReactProvider } from "@/components/trpc/provider";
import { requireSession } from "@/server/auth/session";

// Every dashboard page reads the session and the database per request.
export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const { user } = await requireSession();
  return (
    <TRPCReactProvider>
      <DashboardShell user={{ name: user.name, email: user.email, role: user.role, companyName: user.companyName }}>
        {children}
      </DashboardShell>
    </TRPCReactProvider>
  );
}

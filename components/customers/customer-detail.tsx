"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { ArrowLeft, Contact, NotebookPen, ShieldCheck } from "lucide-react";
import Link from "next/link";
import { DetailCard } from "@/components/details/detail-card";
import { Facts, type Fact } from "@/components/details/facts";
import { formatDate } from "@/components/forms/format";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CustomerCalls } from "./customer-calls";
import { CustomerVisits } from "./customer-visits";
import { EditCustomerDialog } from "./edit-customer-dialog";
import { MergeCustomerDialog } from "./merge-customer-dialog";
import { CustomerPrivacyActions } from "./privacy-actions";

function Allowed({ allowed }: { allowed: boolean }) {
  return <Badge variant={allowed ? "success" : "secondary"}>{allowed ? "Ja" : "Nein"}</Badge>;
}

/**
 * One customer: contact data, consent and notes, the coming and past visits, the calls, and the
 * actions Bearbeiten, Zusammenführen and Datenschutz (erasing for admins, `canErase`).
 */
export function CustomerDetail({ id, canErase }: { id: string; canErase: boolean }) {
  const trpc = useTRPC();
  const c = useSuspenseQuery(trpc.customer.get.queryOptions({ customer_id: id })).data;
  const erased = c.erased_at !== null;

  const contact: Fact[] = [
    [
      "Telefon",
      erased ? (
        c.phone_display
      ) : (
        <a key="tel" href={`tel:${c.phone}`} className="tabular whitespace-nowrap underline-offset-4 hover:underline">
          {c.phone_display}
        </a>
      ),
    ],
    ["E-Mail", c.email && <a key="mail" href={`mailto:${c.email}`} className="break-all underline-offset-4 hover:underline">{c.email}</a>],
    ["Kunde seit", formatDate(c.created_at)],
    ["Nichterscheinen", String(c.no_show_count)],
    ["Stornierungen", String(c.cancellation_count)],
    ["Gelöscht am", c.erased_at && formatDate(c.erased_at)],
  ];
  const consent: Fact[] = [
    ["SMS erlaubt", <Allowed key="sms" allowed={!c.sms_opt_out} />],
    ["E-Mail erlaubt", <Allowed key="email" allowed={!c.email_opt_out} />],
  ];

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Button variant="ghost" size="sm" asChild>
          <Link href="/kunden">
            <ArrowLeft aria-hidden /> Zurück zu den Kunden
          </Link>
        </Button>
        {!erased && (
          <div className="flex flex-wrap gap-2">
            <EditCustomerDialog customer={c} />
            <MergeCustomerDialog customer={c} />
          </div>
        )}
      </div>
      <div className="grid gap-1">
        <h2 className="text-xl font-semibold tracking-tight" data-testid="customer-name">
          {erased ? "Gelöschter Kunde" : (c.name ?? "Ohne Namen")}
        </h2>
        <p className="tabular text-sm text-muted-foreground">{c.phone_display}</p>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <DetailCard icon={Contact} title="Kontakt">
          <Facts label="Kontakt" facts={contact} />
        </DetailCard>
        <DetailCard icon={ShieldCheck} title="Einwilligungen">
          <Facts label="Einwilligungen" facts={consent} />
        </DetailCard>
        <DetailCard icon={NotebookPen} title="Notizen">
          {c.notes ? (
            <p className="whitespace-pre-wrap break-words text-sm" data-testid="customer-notes">
              {c.notes}
            </p>
          ) : (
            <p className="text-sm text-muted-foreground">Keine Notizen. Über „Bearbeiten“ lassen sich welche hinzufügen.</p>
          )}
        </DetailCard>
      </div>

      <CustomerVisits upcoming={c.upcoming_visits} past={c.past_visits} />
      <CustomerCalls calls={c.calls} />

      <DetailCard title="Datenschutz">
        <CustomerPrivacyActions customerId={c.id} canErase={canErase} />
      </DetailCard>
    </div>
  );
}

import Link from "next/link";
import { SmsProviderCard } from "@/components/messaging/sms-provider-card";

/** Nachrichten: the SMS provider card of the Nachrichten page, shown here too. */
export function MessagingSection() {
  return (
    <div className="grid gap-3">
      <SmsProviderCard />
      <p className="text-sm text-muted-foreground">
        Vorlagen und Erinnerungen finden Sie unter{" "}
        <Link href="/nachrichten" className="font-medium text-primary underline-offset-4 hover:underline">
          Nachrichten
        </Link>
        .
      </p>
    </div>
  );
}

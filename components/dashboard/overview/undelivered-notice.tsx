import { MailWarning } from "lucide-react";
import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";

/** Shown when confirmations or reminders of the last week did not reach customers. */
export function UndeliveredNotice({ undelivered }: { undelivered: { messages: number; noSmsProvider: boolean } }) {
  if (undelivered.messages === 0) return null;
  const n = undelivered.messages;
  return (
    <Alert variant="destructive" data-testid="undelivered-messages">
      <MailWarning aria-hidden />
      <AlertTitle>
        {n === 1 ? "1 Nachricht" : `${n.toLocaleString("de-DE")} Nachrichten`} an Kundschaft in den letzten 7 Tagen nicht zugestellt
      </AlertTitle>
      <AlertDescription>
        {undelivered.noSmsProvider ? "Es ist kein SMS-Anbieter eingerichtet. " : "Die Gründe stehen beim Termin und in der Warteschlange. "}
        <Link href={undelivered.noSmsProvider ? "/nachrichten" : "/warteschlange"} className="font-medium underline underline-offset-4">
          {undelivered.noSmsProvider ? "SMS-Anbieter einrichten" : "Zur Warteschlange"}
        </Link>
      </AlertDescription>
    </Alert>
  );
}

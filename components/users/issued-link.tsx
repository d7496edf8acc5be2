"use client";

import { MailCheck, MailWarning, TriangleAlert } from "lucide-react";
import { CopyButton } from "@/components/forms/copy-button";
import { formatDateTime } from "@/components/forms/format";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { RouterOutputs } from "@/components/trpc/provider";

export type IssuedLink = Pick<RouterOutputs["user"]["create"], "user" | "link" | "mail">;

/** What happened to the e-mail, in one sentence. */
function mailNote({ mail, user }: IssuedLink): { sent: boolean; text: string } {
  if (mail === "sent") return { sent: true, text: `Der Link wurde außerdem per E-Mail an ${user.email} gesendet.` };
  if (mail === "failed") return { sent: false, text: `Die E-Mail an ${user.email} konnte nicht gesendet werden. Bitte geben Sie den Link selbst weiter.` };
  return { sent: false, text: "Für diese Installation ist kein E-Mail-Versand eingerichtet. Bitte geben Sie den Link selbst weiter." };
}

/** A one-time "set your password" link, shown this once with a copy button. */
export function IssuedLinkPanel({ issued, title, onDone }: { issued: IssuedLink; title: string; onDone: () => void }) {
  const note = mailNote(issued);
  return (
    <div className="grid gap-5">
      <DialogHeader>
        <DialogTitle>{title}</DialogTitle>
        <DialogDescription>
          Über diesen Link legt {issued.user.name} ein eigenes Passwort fest und meldet sich danach mit {issued.user.email} an.
        </DialogDescription>
      </DialogHeader>
      <Alert className="border-warning/40 bg-warning/5 text-foreground [&>svg]:text-warning">
        <TriangleAlert aria-hidden />
        <AlertTitle>Nur jetzt sichtbar</AlertTitle>
        <AlertDescription>
          Der Link gilt bis {formatDateTime(issued.link.expires_at)} Uhr und lässt sich nur einmal verwenden. Er wird nicht gespeichert und später nicht mehr angezeigt.
        </AlertDescription>
      </Alert>
      <div className="grid gap-2">
        <Label htmlFor="issued-link">Link zum Festlegen des Passworts</Label>
        <div className="flex gap-2">
          <Input id="issued-link" value={issued.link.url} readOnly autoFocus className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
          <CopyButton value={issued.link.url} />
        </div>
      </div>
      <p className="flex items-start gap-2 text-sm text-muted-foreground" data-testid="link-mail-note">
        {note.sent ? <MailCheck className="mt-0.5 size-4 shrink-0 text-success" aria-hidden /> : <MailWarning className="mt-0.5 size-4 shrink-0" aria-hidden />}
        {note.text}
      </p>
      <DialogFooter>
        <Button type="button" onClick={onDone}>
          Fertig
        </Button>
      </DialogFooter>
    </div>
  );
}

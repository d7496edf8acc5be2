"use client";

import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { ChevronDown, ChevronRight, PhoneForwarded } from "lucide-react";
import { useState } from "react";
import { ListFrame } from "@/components/lists/list-frame";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { CallbackCard } from "./callback-card";
import { DONE_PAGE_SIZE, doneInput, PENDING_INPUT } from "./callback-queries";

/** The to-do list: open and not reached callbacks first (prefetched), the done ones folded away below. */
export function CallbackList() {
  const trpc = useTRPC();
  const pending = useSuspenseQuery({ ...trpc.webhook.listTasks.queryOptions(PENDING_INPUT), refetchInterval: 30_000 });
  const [showDone, setShowDone] = useState(false);

  return (
    <div className="grid gap-6">
      <section aria-labelledby="rueckrufe-offen" className="grid gap-3">
        <h2 id="rueckrufe-offen" className="text-lg font-semibold">
          Zu erledigen <span className="tabular text-muted-foreground">({pending.data.total.toLocaleString("de-DE")})</span>
        </h2>
        <ListFrame
          data={pending.data}
          isEmpty={(d) => d.tasks.length === 0}
          empty={{ icon: PhoneForwarded, title: "Keine offenen Rückrufe", text: "Braucht ein Anruf einen Rückruf, erscheint er hier." }}
        >
          {callbackCards}
        </ListFrame>
      </section>
      <section aria-labelledby="rueckrufe-erledigt" className="grid gap-3">
        <h2 id="rueckrufe-erledigt">
          <Button variant="ghost" className="-ml-3 text-lg font-semibold" aria-expanded={showDone} onClick={() => setShowDone((v) => !v)}>
            {showDone ? <ChevronDown aria-hidden /> : <ChevronRight aria-hidden />}
            Erledigte Rückrufe
          </Button>
        </h2>
        {showDone && <DoneList />}
      </section>
    </div>
  );
}

function DoneList() {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const done = useQuery(trpc.webhook.listTasks.queryOptions(doneInput(page)));
  return (
    <ListFrame
      query={done}
      loadingLabel="Erledigte Rückrufe werden geladen"
      loadingRows={3}
      retry
      isEmpty={(d) => d.tasks.length === 0}
      empty={{ icon: PhoneForwarded, title: "Noch keine erledigten Rückrufe" }}
      pager={(d) => ({ page, pageSize: DONE_PAGE_SIZE, shown: d.tasks.length, total: d.total, onPage: setPage })}
    >
      {callbackCards}
    </ListFrame>
  );
}

/** A list page's callbacks, one card each. */
function callbackCards({ tasks }: { tasks: Array<React.ComponentProps<typeof CallbackCard>["task"]> }) {
  return (
    <div className="grid gap-3">
      {tasks.map((t) => (
        <CallbackCard key={t.id} task={t} />
      ))}
    </div>
  );
}

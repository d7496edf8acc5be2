import { cn } from "@/components/ui/utils";

type Turn = { role: "agent" | "user"; content: string };

const SPEAKERS = { agent: "Assistent", user: "Anrufer" } as const;

/** The conversation in speaker turns; without turns the plain transcript as Retell wrote it. */
export function Transcript({ turns, text }: { turns: Turn[] | null | undefined; text: string | null | undefined }) {
  if (turns && turns.length > 0) {
    return (
      <ol aria-label="Transkript" className="grid gap-3">
        {turns.map((turn, i) => (
          <li key={i} className={cn("flex flex-col gap-1", turn.role === "user" && "items-end")} data-testid="transcript-turn">
            <span className="text-xs font-medium text-muted-foreground">{SPEAKERS[turn.role]}</span>
            <p className={cn("max-w-[85%] rounded-lg px-3 py-2 text-sm", turn.role === "agent" ? "bg-muted" : "bg-primary/10")}>{turn.content}</p>
          </li>
        ))}
      </ol>
    );
  }
  if (text) return <p className="whitespace-pre-wrap text-sm">{text}</p>;
  return <p className="text-sm text-muted-foreground">Für diesen Anruf liegt kein Transkript vor.</p>;
}

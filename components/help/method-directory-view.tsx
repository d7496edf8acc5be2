import { Badge } from "@/components/ui/badge";
import type { DirectoryServer } from "./method-directory";

/** The API page's list of all methods, one table per server. */
export function MethodDirectoryView({ servers }: { servers: DirectoryServer[] }) {
  return (
    <section aria-labelledby="alle-methoden" className="mt-10 min-w-0 max-w-3xl text-sm">
      <h2 id="alle-methoden" className="mb-2 scroll-mt-20 text-xl font-semibold">
        Alle Methoden
      </h2>
      <p className="mb-4 text-muted-foreground">
        Aus dem Verzeichnis dieser Installation; „lesen“ verändert nichts, „schreiben“ braucht ein Token mit Schreibrecht für den Dienst.
      </p>
      {servers.map((s) => (
        <div key={s.name} className="mb-6">
          <h3 className="font-mono text-sm font-semibold">{s.name}</h3>
          <p className="mb-2 text-muted-foreground">{s.description}</p>
          <table className="w-full text-left" aria-label={`Methoden von ${s.name}`}>
            <tbody>
              {s.methods.map((m) => (
                <tr key={m.name} className="border-b align-top">
                  <td className="py-1.5 pr-3 font-mono text-xs whitespace-nowrap">{m.name}</td>
                  <td className="py-1.5 pr-3">
                    <Badge variant={m.kind === "write" ? "default" : "secondary"}>{m.kind === "write" ? "schreiben" : "lesen"}</Badge>
                  </td>
                  <td className="py-1.5">{m.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

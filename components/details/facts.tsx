/** A label and its value; facts without a value are left out. */
export type Fact = [label: string, value: React.ReactNode];

/** The facts that have a value: what a Facts block shows. */
export function knownFacts(facts: Fact[]): Fact[] {
  return facts.filter(([, value]) => value !== null && value !== undefined && value !== "" && value !== false);
}

/** A definition list of facts, e.g. the details of an appointment or a call. */
export function Facts({ facts, label }: { facts: Fact[]; label: string }) {
  return (
    <dl aria-label={label} className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
      {knownFacts(facts).map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-muted-foreground">{term}</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

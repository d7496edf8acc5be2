/** A y-axis for counts: whole-number steps of 1, 2 or 5 × 10ⁿ, at most `maxTicks` intervals, top ≥ the largest value. */
export function countAxis(maxValue: number, maxTicks = 4): { top: number; ticks: number[] } {
  const rough = Math.max(1, maxValue) / maxTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude);
  const top = Math.max(step, Math.ceil(maxValue / step) * step);
  return { top, ticks: Array.from({ length: top / step + 1 }, (_, i) => i * step) };
}

/** "1 Anruf", "3 Anrufe" */
export function counted(n: number, one: string, many: string): string {
  return `${n.toLocaleString("de-DE")} ${n === 1 ? one : many}`;
}

/**
 * Sorted indexes over busy time so the slot engine answers "is anything in the
 * way of [start, end)?" by binary search instead of scanning every appointment.
 * Intervals are half-open, in epoch milliseconds.
 */

export interface MsInterval {
  start: number;
  end: number;
}

/** Index of the first element for which `isAfter` holds; `isAfter` must be monotone. */
function firstIndexWhere<T>(items: readonly T[], isAfter: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isAfter(items[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Times one staff member is unavailable (appointments with buffers, absences), merged. */
export class BlockedTimes {
  private readonly merged: MsInterval[] = [];

  constructor(intervals: readonly MsInterval[]) {
    const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
    for (const interval of sorted) {
      const last = this.merged[this.merged.length - 1];
      if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
      else this.merged.push({ ...interval });
    }
  }

  overlaps(start: number, end: number): boolean {
    // Merged intervals are disjoint and sorted, so their ends ascend too.
    const i = firstIndexWhere(this.merged, (interval) => interval.end > start);
    return i < this.merged.length && this.merged[i].start < end;
  }
}

/** Appointments without an assigned staff member; each occupies one of the staff while it runs. */
export class UnassignedLoad {
  private readonly sorted: MsInterval[];
  private readonly longest: number;

  constructor(intervals: readonly MsInterval[]) {
    this.sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
    this.longest = this.sorted.reduce((max, i) => Math.max(max, i.end - i.start), 0);
  }

  /** The most unassigned appointments running at the same moment within [start, end). */
  maxConcurrent(start: number, end: number): number {
    // Only intervals starting within `longest` before `start` can still be running at `start`.
    const from = firstIndexWhere(this.sorted, (i) => i.start >= start - this.longest);
    const to = firstIndexWhere(this.sorted, (i) => i.start >= end);
    const events: Array<[time: number, delta: number]> = [];
    for (let k = from; k < to; k++) {
      const interval = this.sorted[k];
      if (interval.end <= start) continue;
      events.push([Math.max(interval.start, start), 1], [Math.min(interval.end, end), -1]);
    }
    // At equal times, endings first: back-to-back appointments do not overlap.
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let running = 0;
    let max = 0;
    for (const [, delta] of events) {
      running += delta;
      max = Math.max(max, running);
    }
    return max;
  }
}

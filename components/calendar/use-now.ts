"use client";

import { useSyncExternalStore } from "react";

/** One clock for every subscriber, ticking each minute. */
let current: Date | null = null;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    current = new Date();
    listeners.forEach((l) => l());
  }, 60_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time, renewed every minute; null on the server, so server and browser render the same first paint. */
export function useNow(): Date | null {
  return useSyncExternalStore(
    subscribe,
    () => (current ??= new Date()),
    () => null,
  );
}

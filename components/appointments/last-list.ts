"use client";

import { useSyncExternalStore } from "react";

/**
 * The Termine list's last address (path and filters) in this tab, so "Zurück zu den Terminen"
 * returns to the same filtered list, wherever the list lives, rather than to its defaults.
 */
const KEY = "askproai:termine-liste";
export const LIST_FALLBACK = "/termine";

/** Called by the list whenever its filters (and with them its URL) change. */
export function rememberListUrl(): void {
  try {
    window.sessionStorage.setItem(KEY, `${window.location.pathname}${window.location.search}`);
  } catch {
    // Storage switched off: the back link then opens the list with its defaults.
  }
}

function keptListUrl(): string {
  try {
    const kept = window.sessionStorage.getItem(KEY);
    // Only a path of this site, never a full address someone put there.
    return kept?.startsWith("/") && !kept.startsWith("//") ? kept : LIST_FALLBACK;
  } catch {
    return LIST_FALLBACK; // storage switched off
  }
}

/** The list is on another page while this one is shown: nothing to listen to. */
const noChanges = () => () => {};

/** The list's last address; the fallback at first paint (the server knows no tab storage) and when none is kept. */
export function useLastListUrl(): string {
  return useSyncExternalStore(noChanges, keptListUrl, () => LIST_FALLBACK);
}

"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import type { QueryReader } from "./url-query";

/**
 * State kept in the URL's query, so a reload or a shared link shows the same view. Updates
 * replace the history entry without a server round trip (Next keeps useSearchParams in sync).
 */
export function useUrlState<T>(parse: (query: QueryReader) => T, serialize: (value: T) => string): [T, (next: T) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const set = useCallback(
    (next: T) => {
      const query = serialize(next);
      window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
    },
    [pathname, serialize],
  );
  return [parse(searchParams), set];
}

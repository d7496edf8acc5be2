"use client";

import { AddNumberDialog } from "./add-number-dialog";
import { ImportNumbersDialog } from "./import-numbers-dialog";
import { PhoneNumberList } from "./phone-number-list";

/**
 * The numbers with their two actions, for places other than the Rufnummern page (e.g. a set-up
 * step). Reads phone.list and branch.list({ include_inactive: true }) with suspense: prefetch both.
 */
export function PhoneNumbersPanel() {
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap justify-end gap-2">
        <ImportNumbersDialog />
        <AddNumberDialog />
      </div>
      <PhoneNumberList />
    </div>
  );
}

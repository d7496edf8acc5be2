import Link from "next/link";

/**
 * The link that opens a table row's detail. Its click area covers the whole row (the row needs
 * `relative`); keyboard users reach it with Tab like any link and see the row outlined.
 */
export function RowLink({ href, label, children }: { href: string; label: string; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-label={label}
      className="font-medium underline-offset-4 outline-none after:absolute after:inset-0 after:rounded-md hover:underline focus-visible:after:ring-2 focus-visible:after:ring-ring"
    >
      {children}
    </Link>
  );
}

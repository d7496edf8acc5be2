"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Search, UserX } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useUrlState } from "@/components/appointments/use-url-state";
import { OptionSelect } from "@/components/forms/option-select";
import { errorMessage } from "@/components/forms/trpc-errors";
import { useDebounced } from "@/components/forms/use-debounced";
import { ListFrame } from "@/components/lists/list-frame";
import { useTRPC, type RouterOutputs } from "@/components/trpc/provider";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { customerFiltersFromQuery, customerFiltersToQuery, customerListInput, LIST_SORT_OPTIONS, PAGE_SIZE, sortFrom } from "./list-filters";

/** A pause in typing this long starts the search. */
const SEARCH_DELAY_MS = 300;

/** The company's customers: search by name or number (any spelling), sort, table and paging; the state lives in the URL. */
export function CustomerList() {
  const trpc = useTRPC();
  const [filters, setFilters] = useUrlState(customerFiltersFromQuery, customerFiltersToQuery);
  const [typed, setTyped] = useState(filters.search);
  const settled = useDebounced(typed, SEARCH_DELAY_MS);
  useEffect(() => {
    if (settled !== filters.search) setFilters({ ...filters, search: settled, page: 1 });
  }, [settled, filters, setFilters]);
  const list = useQuery({ ...trpc.customer.list.queryOptions(customerListInput(filters)), placeholderData: keepPreviousData });

  return (
    <div className="grid gap-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end">
        <div className="grid gap-2 sm:w-96">
          <Label htmlFor="customer-search">Suche</Label>
          <div className="relative">
            <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
            <Input
              id="customer-search"
              type="search"
              className="pl-8"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              placeholder="Name oder Telefonnummer, z. B. 0171 1234567"
              autoComplete="off"
              maxLength={100}
            />
          </div>
        </div>
        <div className="sm:w-56">
          <OptionSelect
            id="customer-sort"
            label="Sortierung"
            value={filters.sort}
            options={LIST_SORT_OPTIONS}
            onChange={(value) => setFilters({ ...filters, sort: sortFrom(value), page: 1 })}
          />
        </div>
      </div>
      <ListFrame
        query={list}
        loadingLabel="Kunden werden geladen"
        error={(error) => `Die Kunden konnten nicht geladen werden: ${errorMessage(error)}`}
        retry
        isEmpty={(data) => data.total === 0}
        empty={{
          icon: UserX,
          title: filters.search.trim() ? "Kein Kunde gefunden." : "Noch keine Kunden.",
          text: filters.search.trim()
            ? "Prüfen Sie die Schreibweise oder suchen Sie nach einem Teil des Namens oder der Nummer."
            : "Kunden entstehen mit dem ersten Termin, am Telefon oder im Kalender.",
        }}
        pager={(data) => ({ page: filters.page, pageSize: PAGE_SIZE, shown: data.customers.length, total: data.total, onPage: (page) => setFilters({ ...filters, page }) })}
        card
      >
        {(data) => (
          <Table aria-label="Kunden" aria-busy={list.isFetching}>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Name</TableHead>
                <TableHead>Telefon</TableHead>
                <TableHead>Letzter Besuch</TableHead>
                <TableHead className="hidden lg:table-cell">Nächster Besuch</TableHead>
                <TableHead className="hidden text-right lg:table-cell">Nichterscheinen</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.customers.map((c) => (
                <CustomerRow key={c.id} customer={c} />
              ))}
            </TableBody>
          </Table>
        )}
      </ListFrame>
    </div>
  );
}

type CustomerItem = RouterOutputs["customer"]["list"]["customers"][number];

/** One customer; the name is the link, a click anywhere on the row opens the detail too. */
function CustomerRow({ customer: c }: { customer: CustomerItem }) {
  const router = useRouter();
  const href = `/kunden/${c.id}`;
  return (
    <TableRow data-testid="customer-row" className="cursor-pointer" onClick={(e) => !(e.target as HTMLElement).closest("a") && router.push(href)}>
      <TableCell className="min-w-44">
        <Link href={href} className="font-medium underline-offset-4 hover:underline">
          {c.name ?? "Ohne Namen"}
        </Link>
      </TableCell>
      <TableCell className="tabular whitespace-nowrap" data-testid="customer-phone">
        {c.phone_display}
      </TableCell>
      <TableCell className="tabular whitespace-nowrap">{c.last_visit ?? "–"}</TableCell>
      <TableCell className="tabular hidden whitespace-nowrap lg:table-cell">{c.next_visit ?? "–"}</TableCell>
      <TableCell className="tabular hidden text-right lg:table-cell">{c.no_show_count}</TableCell>
    </TableRow>
  );
}

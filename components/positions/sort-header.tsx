import Link from "next/link";
import type { PositionSort } from "@/lib/schemas";
import { LinkPending } from "./link-pending";
import { sortBy, type TableState, tableQuery } from "./table-params";

/** A column header that sorts by its column; aria-sort tells screen readers the current order. */
export function SortHeader({
  state,
  column,
  label,
  numeric = false,
}: {
  state: TableState;
  column: PositionSort;
  label: string;
  numeric?: boolean;
}) {
  const active = state.sort === column;
  const next = sortBy(state, column);
  const arrow = active ? (state.dir === "asc" ? "▲" : "▼") : "↕";
  return (
    <th
      scope="col"
      aria-sort={active ? (state.dir === "asc" ? "ascending" : "descending") : "none"}
      className={`whitespace-nowrap px-3 py-2 font-medium ${numeric ? "text-right" : ""}`}
    >
      <Link
        href={`/positions${tableQuery(next)}#positions`}
        scroll={false}
        data-testid={`sort-${column}`}
        className={`inline-flex items-center gap-1 hover:text-accent ${active ? "text-text" : ""}`}
      >
        {label}
        <span aria-hidden="true" className={active ? "text-accent" : "text-muted"}>
          {arrow}
        </span>
        <span className="sr-only">, sort {next.dir === "asc" ? "ascending" : "descending"}</span>
        <LinkPending />
      </Link>
    </th>
  );
}

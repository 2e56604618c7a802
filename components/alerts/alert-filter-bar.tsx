"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useOptimistic, useTransition } from "react";
import { DIMENSION_LABELS } from "@/lib/display/labels";
import { DIMENSIONS, type Dimension } from "@/lib/engine/types";
import {
  type AlertFilters,
  filtersToSearch,
  isDefaultFilters,
  SEVERITY_FILTERS,
  type SeverityFilter,
  STATUS_FILTER_LABELS,
  STATUS_FILTERS,
  withFilter,
} from "./filters";

const selectClass = "rounded-md border border-border bg-surface px-2 py-1.5 text-sm";

/** Status tabs and severity/dimension selects; every choice is a URL, so a view can be shared or bookmarked. */
export function AlertFilterBar({ filters: current }: { filters: AlertFilters }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // The selects show the new choice at once, while the server renders the filtered list.
  const [filters, setFilters] = useOptimistic(current);
  const go = (patch: Partial<AlertFilters>) =>
    startTransition(() => {
      const next = withFilter(filters, patch);
      setFilters(next);
      router.replace(`/alerts${filtersToSearch(next)}`, { scroll: false });
    });

  return (
    <div className="mb-4 flex flex-wrap items-end gap-x-6 gap-y-3" data-testid="alert-filters">
      <nav aria-label="Alert status">
        <ul className="flex flex-wrap gap-1 rounded-md border border-border bg-surface p-1">
          {STATUS_FILTERS.map((status) => {
            const current = filters.status === status;
            return (
              <li key={status}>
                <Link
                  href={`/alerts${filtersToSearch(withFilter(filters, { status }))}`}
                  scroll={false}
                  aria-current={current ? "page" : undefined}
                  data-testid={`status-filter-${status}`}
                  className={`inline-block rounded px-2.5 py-1 text-sm font-medium ${current ? "bg-accent text-accent-fg" : "text-text hover:bg-surface-2"}`}
                >
                  {STATUS_FILTER_LABELS[status]}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-xs font-medium text-muted">
          Severity
          <select
            className={selectClass}
            data-testid="severity-filter"
            value={filters.severity ?? ""}
            onChange={(e) => go({ severity: (e.target.value || null) as SeverityFilter | null })}
          >
            <option value="">All severities</option>
            {SEVERITY_FILTERS.map((s) => (
              <option key={s} value={s}>
                {s === "critical" ? "Critical" : "Warning"}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-muted">
          Dimension
          <select
            className={selectClass}
            data-testid="dimension-filter"
            value={filters.dimension ?? ""}
            onChange={(e) => go({ dimension: (e.target.value || null) as Dimension | null })}
          >
            <option value="">All dimensions</option>
            {DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {DIMENSION_LABELS[d]}
              </option>
            ))}
          </select>
        </label>
        {!isDefaultFilters(filters) && (
          <Link
            href="/alerts"
            scroll={false}
            className="pb-1.5 text-sm font-medium text-accent underline-offset-2 hover:underline"
          >
            Reset filters
          </Link>
        )}
        <span aria-live="polite" className="pb-1.5 text-xs text-muted">
          {pending ? "Updating…" : ""}
        </span>
      </div>
    </div>
  );
}

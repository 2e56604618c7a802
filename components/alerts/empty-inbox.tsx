import Link from "next/link";
import { type AlertFilters, DEFAULT_FILTERS, isDefaultFilters } from "./filters";

export function EmptyInbox({ filters }: { filters: AlertFilters }) {
  const everything = filters.status === "all" && !filters.severity && !filters.dimension;
  const [title, body] = isDefaultFilters(filters)
    ? [
        "No open alerts — every limit is within bounds.",
        "A new breach appears here by itself within seconds of the run that finds it.",
      ]
    : everything
      ? ["No alerts yet.", "An alert opens when a run finds an exposure past one of your limits."]
      : ["Nothing matches these filters.", "Try another status, severity or dimension."];
  return (
    <div data-testid="alerts-empty" className="px-4 py-10 text-center">
      <p className="text-base font-medium">
        {isDefaultFilters(filters) && (
          <span aria-hidden="true" className="mr-1 text-within">
            ✓
          </span>
        )}
        {title}
      </p>
      <p className="mt-1 text-sm text-muted">{body}</p>
      <p className="mt-3 text-sm">
        {isDefaultFilters(filters) || everything ? (
          <Link href="/limits" className="font-medium text-accent underline-offset-2 hover:underline">
            Review limits
          </Link>
        ) : (
          <Link href="/alerts" className="font-medium text-accent underline-offset-2 hover:underline">
            Clear filters{filters.status !== DEFAULT_FILTERS.status ? " and show open alerts" : ""}
          </Link>
        )}
      </p>
    </div>
  );
}

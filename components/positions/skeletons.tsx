import { Skeleton } from "@/components/ui/skeleton";

/** Same frame as the stored-positions card: filters, count line, 10 visible rows, pager. */
export function PositionsTableSkeleton() {
  return (
    <div role="status" aria-label="Loading positions" className="rounded-card border border-border bg-surface p-4">
      <Skeleton className="mb-4 h-4 w-40" />
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-12" />
        ))}
      </div>
      <Skeleton className="mt-7 h-4 w-56" />
      <Skeleton className="mt-3 h-[29.5rem] w-full" />
    </div>
  );
}

export function ImportHistorySkeleton() {
  return (
    <div role="status" aria-label="Loading import history" className="rounded-card border border-border bg-surface p-4">
      <Skeleton className="mb-4 h-4 w-32" />
      <Skeleton className="h-40 w-full" />
    </div>
  );
}

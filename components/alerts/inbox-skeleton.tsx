import { Skeleton } from "../ui/skeleton";

/** The inbox's shape while it loads: a header, the bulk bar and a few rows, so nothing jumps. */
export function InboxSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Loading alerts" className="rounded-card border border-border bg-surface shadow-sm">
      <div className="flex items-center justify-between border-b border-border px-3 py-2.5">
        <Skeleton className="h-4 w-32" />
        <Skeleton className="h-3 w-40" />
      </div>
      <div className="border-b border-border px-3 py-2.5">
        <Skeleton className="h-6 w-64" />
      </div>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex gap-3 border-b border-border px-3 py-3 last:border-b-0">
          <Skeleton className="size-4" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-5 w-1/3" />
            <Skeleton className="h-4 w-3/4" />
            <Skeleton className="h-3 w-1/2" />
          </div>
          <Skeleton className="hidden h-8 w-44 sm:block" />
        </div>
      ))}
    </div>
  );
}

export function FilterBarSkeleton() {
  return (
    <div aria-hidden="true" className="mb-4 flex flex-wrap items-end gap-x-6 gap-y-3">
      <Skeleton className="h-9 w-80" />
      <Skeleton className="h-12 w-36" />
      <Skeleton className="h-12 w-44" />
    </div>
  );
}

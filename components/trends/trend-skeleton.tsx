import { PageHeader } from "../ui/page-header";
import { Skeleton } from "../ui/skeleton";

export function TrendsHeader() {
  return (
    <PageHeader
      title="Trends"
      description="How the exposure of chosen values moved over past as-of dates, against their limits."
    />
  );
}

/** Same blocks and heights as TrendExplorer: controls, chart, change table. */
export function TrendSkeleton() {
  return (
    <div role="status" aria-label="Loading trends" className="space-y-4">
      <div className="rounded-card border border-border bg-surface p-4">
        <div className="flex flex-wrap gap-4">
          <Skeleton className="h-9 w-48" />
          <Skeleton className="h-9 w-64" />
        </div>
        <Skeleton className="mt-4 h-16 w-full" />
      </div>
      <div className="rounded-card border border-border bg-surface p-4">
        <Skeleton className="mb-3 h-4 w-1/3" />
        <Skeleton className="h-80 w-full" />
      </div>
      <div className="rounded-card border border-border bg-surface p-4">
        <Skeleton className="mb-3 h-4 w-1/4" />
        <Skeleton className="h-28 w-full" />
      </div>
    </div>
  );
}

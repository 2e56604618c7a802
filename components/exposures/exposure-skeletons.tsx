import { CardSkeleton, Skeleton } from "@/components/ui/skeleton";

// Heights follow the real sections (a chart of about eight bars, the five-figure card, the map's 975 × 610 frame).
export function ExposureSectionsSkeleton({ withMap = false }: { withMap?: boolean }) {
  return (
    <div className="space-y-4" role="status" aria-label="Loading exposures">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Skeleton className="h-5 w-72" />
        <Skeleton className="h-7 w-44" />
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className="rounded-card border border-border bg-surface p-4 lg:col-span-2">
          <Skeleton className="mb-3 h-4 w-40" />
          <Skeleton className="h-80 w-full" />
        </div>
        <CardSkeleton height="h-80" label="Loading concentration" />
      </div>
      {withMap && (
        <div className="rounded-card border border-border bg-surface p-4">
          <Skeleton className="mb-3 h-4 w-40" />
          <Skeleton className="aspect-[975/610] w-full" />
        </div>
      )}
      <CardSkeleton height="h-96" label="Loading table" />
    </div>
  );
}

export function CrossTabSkeleton() {
  return <CardSkeleton height="h-[32rem]" label="Loading cross-tab" />;
}

import { CardSkeleton, Skeleton } from "../ui/skeleton";

/** The report's header, totals and dials while they load. */
export function ReportSkeleton() {
  return (
    <div role="status" aria-label="Loading the report" className="space-y-6">
      <div className="space-y-2 border-b border-border pb-4">
        <Skeleton className="h-4 w-48" />
        <Skeleton className="h-8 w-72" />
        <Skeleton className="h-4 w-64" />
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Skeleton className="h-[74px]" />
        <Skeleton className="h-[74px]" />
        <Skeleton className="h-[74px]" />
      </div>
      <CardSkeleton height="h-[28rem]" label="Loading the dials" />
    </div>
  );
}

import { AlertsSkeleton, DialsSkeleton, HeaderSkeleton } from "@/components/overview/skeletons";
import { Skeleton } from "@/components/ui/skeleton";

export default function OverviewLoading() {
  return (
    <div aria-busy="true">
      <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
        <div>
          <Skeleton className="h-8 w-40" />
          <Skeleton className="mt-2 h-4 w-80 max-w-full" />
        </div>
        <Skeleton className="h-14 w-56" />
      </div>
      <HeaderSkeleton />
      <Skeleton className="mb-3 h-6 w-52" />
      <div className="mb-6">
        <DialsSkeleton />
      </div>
      <div className="rounded-card border border-border bg-surface p-4">
        <Skeleton className="mb-3 h-4 w-24" />
        <AlertsSkeleton />
      </div>
    </div>
  );
}

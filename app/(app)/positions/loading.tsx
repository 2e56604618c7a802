import { ImportHistorySkeleton, PositionsTableSkeleton } from "@/components/positions/skeletons";
import { Skeleton } from "@/components/ui/skeleton";

export default function PositionsLoading() {
  return (
    <div aria-busy="true">
      <div className="mb-6">
        <Skeleton className="h-8 w-40" />
        <Skeleton className="mt-2 h-4 w-96 max-w-full" />
      </div>
      <div className="space-y-6">
        <Skeleton className="h-52 w-full rounded-card" />
        <PositionsTableSkeleton />
        <ImportHistorySkeleton />
      </div>
    </div>
  );
}

import { FirmSkeleton } from "@/components/firm/firm-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

export default function FirmLoading() {
  return (
    <>
      <div className="mb-6">
        <Skeleton className="h-8 w-40" />
        <Skeleton className="mt-2 h-4 w-96 max-w-full" />
      </div>
      <Skeleton className="mb-6 h-10 w-full" />
      <FirmSkeleton />
    </>
  );
}

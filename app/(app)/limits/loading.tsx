import { LimitsHeader, LimitsManagerSkeleton, UtilizationSkeleton } from "@/components/limits/limits-skeleton";

export default function LimitsLoading() {
  return (
    <>
      <LimitsHeader />
      <div className="space-y-6">
        <LimitsManagerSkeleton />
        <UtilizationSkeleton />
      </div>
    </>
  );
}

import { TrendSkeleton, TrendsHeader } from "@/components/trends/trend-skeleton";

export default function TrendsLoading() {
  return (
    <>
      <TrendsHeader />
      <TrendSkeleton />
    </>
  );
}

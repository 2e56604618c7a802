import type { Metadata } from "next";
import { Suspense } from "react";
import { TrendSection } from "@/components/trends/trend-section";
import { TrendSkeleton, TrendsHeader } from "@/components/trends/trend-skeleton";
import { pageContext } from "@/lib/http/page";

export const metadata: Metadata = { title: "Trends" };

export default async function TrendsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [params, ctx] = await Promise.all([searchParams, pageContext()]);
  return (
    <>
      <TrendsHeader />
      <Suspense fallback={<TrendSkeleton />}>
        <TrendSection ctx={ctx} searchParams={params} />
      </Suspense>
    </>
  );
}

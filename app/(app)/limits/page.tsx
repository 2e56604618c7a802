import type { Metadata } from "next";
import { Suspense } from "react";
import { LimitsSection } from "@/components/limits/limits-section";
import { LimitsHeader, LimitsManagerSkeleton, UtilizationSkeleton } from "@/components/limits/limits-skeleton";
import { UtilizationSection } from "@/components/limits/utilization-section";
import { SectionBoundary } from "@/components/ui/section-boundary";
import { pageContext } from "@/lib/http/page";

export const metadata: Metadata = { title: "Limits" };

export default async function LimitsPage() {
  const ctx = await pageContext();
  return (
    <>
      <LimitsHeader />
      <div className="space-y-6">
        <SectionBoundary what="The limits">
          <Suspense fallback={<LimitsManagerSkeleton />}>
            <LimitsSection ctx={ctx} />
          </Suspense>
        </SectionBoundary>
        <SectionBoundary what="The utilisation">
          <Suspense fallback={<UtilizationSkeleton />}>
            <UtilizationSection ctx={ctx} />
          </Suspense>
        </SectionBoundary>
      </div>
    </>
  );
}

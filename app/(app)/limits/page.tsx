import type { Metadata } from "next";
import { Suspense } from "react";
import { LimitsSection } from "@/components/limits/limits-section";
import { LimitsHeader, LimitsManagerSkeleton, UtilizationSkeleton } from "@/components/limits/limits-skeleton";
import { UtilizationSection } from "@/components/limits/utilization-section";
import { SectionBoundary } from "@/components/ui/section-boundary";

export const metadata: Metadata = { title: "Limits" };

export default function LimitsPage() {
  return (
    <>
      <LimitsHeader />
      <div className="space-y-6">
        <SectionBoundary what="The limits">
          <Suspense fallback={<LimitsManagerSkeleton />}>
            <LimitsSection />
          </Suspense>
        </SectionBoundary>
        <SectionBoundary what="The utilisation">
          <Suspense fallback={<UtilizationSkeleton />}>
            <UtilizationSection />
          </Suspense>
        </SectionBoundary>
      </div>
    </>
  );
}

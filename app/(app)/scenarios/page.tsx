import type { Metadata } from "next";
import { Suspense } from "react";
import { ScenarioSection } from "@/components/scenarios/scenario-section";
import { ScenarioBuilderSkeleton, ScenariosHeader } from "@/components/scenarios/scenario-skeleton";
import { SectionBoundary } from "@/components/ui/section-boundary";
import { pageContext } from "@/lib/http/page";

export const metadata: Metadata = { title: "Scenarios" };

// A what-if reads the book and writes nothing: a viewer may use the whole page.
export default async function ScenariosPage() {
  const ctx = await pageContext();
  return (
    <>
      <ScenariosHeader />
      <SectionBoundary what="The scenario builder">
        <Suspense fallback={<ScenarioBuilderSkeleton />}>
          <ScenarioSection ctx={ctx} />
        </Suspense>
      </SectionBoundary>
    </>
  );
}

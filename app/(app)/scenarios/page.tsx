import type { Metadata } from "next";
import { Suspense } from "react";
import { SavedScenarios } from "@/components/scenarios/saved-scenarios";
import { ScenarioSection } from "@/components/scenarios/scenario-section";
import { ScenarioBuilderSkeleton, ScenariosHeader } from "@/components/scenarios/scenario-skeleton";
import { SectionBoundary } from "@/components/ui/section-boundary";
import { CardSkeleton } from "@/components/ui/skeleton";
import { pageContext } from "@/lib/http/page";

export const metadata: Metadata = { title: "Scenarios" };

// A what-if reads the book and writes nothing: a viewer may use the builder; saving is a manager's.
export default async function ScenariosPage() {
  const ctx = await pageContext();
  return (
    <>
      <ScenariosHeader />
      <SectionBoundary what="The saved scenarios">
        <Suspense fallback={<CardSkeleton height="h-24" label="Loading the saved scenarios" />}>
          <SavedScenarios ctx={ctx} />
        </Suspense>
      </SectionBoundary>
      <h2 className="mb-3 text-lg font-semibold">A new scenario</h2>
      <SectionBoundary what="The scenario builder">
        <Suspense fallback={<ScenarioBuilderSkeleton />}>
          <ScenarioSection ctx={ctx} />
        </Suspense>
      </SectionBoundary>
    </>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { CommittedScenario } from "@/components/scenarios/committed-scenario";
import { ScenarioSection } from "@/components/scenarios/scenario-section";
import { ScenarioBuilderSkeleton } from "@/components/scenarios/scenario-skeleton";
import { SwitchPortfolio } from "@/components/scenarios/switch-portfolio";
import { PageHeader } from "@/components/ui/page-header";
import { SectionBoundary } from "@/components/ui/section-boundary";
import { isAppError } from "@/lib/errors";
import { pageContext } from "@/lib/http/page";
import { getScenario, scenarioPortfolio } from "@/lib/services/scenarios";

export const metadata: Metadata = { title: "Scenario" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A saved scenario, by link: its trades and shocks in the builder, evaluated against today's book. */
export default async function ScenarioPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const ctx = await pageContext();
  const scenario = await getScenario(ctx, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") return null;
    throw error;
  });
  if (!scenario) {
    // A link shared from another portfolio: say where the scenario is and offer to go there.
    const home = await scenarioPortfolio(id);
    if (!home) notFound();
    return (
      <>
        <PageHeader title="Scenario" description="This scenario belongs to another portfolio." />
        <SwitchPortfolio slug={home.slug} name={home.name} />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={scenario.name}
        description={
          scenario.description ??
          "A saved scenario, evaluated against today's book and active limits. Edit it here; a manager saves and commits."
        }
      />
      {scenario.issues.length > 0 && (
        <p role="alert" className="mb-4 rounded-md border border-breach/40 bg-breach-bg px-3 py-2 text-sm text-breach">
          Its trades no longer apply to today's book:{" "}
          {scenario.issues.map((i) => `${i.field}: ${i.message}`).join("; ")}. Remove or change those trades, then save.
        </p>
      )}
      {scenario.committedAt ? (
        <CommittedScenario scenario={scenario} />
      ) : (
        <SectionBoundary what="The scenario">
          <Suspense fallback={<ScenarioBuilderSkeleton />}>
            <ScenarioSection ctx={ctx} saved={scenario} />
          </Suspense>
        </SectionBoundary>
      )}
    </>
  );
}

import type { Metadata } from "next";
import { Suspense } from "react";
import { EmptyOverview } from "@/components/overview/empty-overview";
import { ExposureDials } from "@/components/overview/exposure-dials";
import { OpenAlerts } from "@/components/overview/open-alerts";
import { OverviewTotals } from "@/components/overview/overview-totals";
import { RecomputeForm } from "@/components/overview/recompute-form";
import { SectionBoundary } from "@/components/ui/section-boundary";
import { AlertsSkeleton, DialsSkeleton } from "@/components/overview/skeletons";
import { currentPortfolio } from "@/components/portfolio";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { isAppError } from "@/lib/errors";
import { listPositions } from "@/lib/positions";
import { getRunOrThrow, todayUtc } from "@/lib/runs";

export const metadata: Metadata = { title: "Overview" };

async function latestRun(portfolio: string) {
  try {
    return await getRunOrThrow(undefined, portfolio);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") return null;
    throw error;
  }
}

export default async function OverviewPage() {
  const portfolio = await currentPortfolio();
  const today = todayUtc();
  const run = await latestRun(portfolio);
  if (!run) {
    const stored = (await listPositions({ limit: 1 }, portfolio)).total;
    return (
      <>
        <PageHeader title="Overview" description="Where the portfolio's money is concentrated, against its limits." />
        <EmptyOverview storedPositions={stored} today={today} />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Overview"
        description="Where the portfolio's money is concentrated, against its limits, from the latest run."
        actions={<RecomputeForm today={today} />}
      />
      <OverviewTotals run={run} />
      <section aria-labelledby="dials-heading" className="mb-6">
        <h2 id="dials-heading" className="mb-3 text-lg font-semibold">
          Exposure by dimension
        </h2>
        <SectionBoundary what="The exposure dials">
          <Suspense fallback={<DialsSkeleton />}>
            <ExposureDials portfolio={portfolio} />
          </Suspense>
        </SectionBoundary>
      </section>
      <Card title="Open alerts">
        <SectionBoundary what="Open alerts">
          <Suspense fallback={<AlertsSkeleton />}>
            <OpenAlerts portfolio={portfolio} />
          </Suspense>
        </SectionBoundary>
      </Card>
    </>
  );
}

import type { Metadata } from "next";
import { EmptyOverview } from "@/components/overview/empty-overview";
import { ExposureDials } from "@/components/overview/exposure-dials";
import { OpenAlerts } from "@/components/overview/open-alerts";
import { OverviewTotals } from "@/components/overview/overview-totals";
import { RecomputeForm } from "@/components/overview/recompute-form";
import { ScheduleNote } from "@/components/overview/schedule-note";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SectionBoundary } from "@/components/ui/section-boundary";
import { hasRole } from "@/lib/auth/roles";
import { pageContext } from "@/lib/http/page";
import { listPositions } from "@/lib/services/positions-list";
import { findRun, todayUtc } from "@/lib/services/runs";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const ctx = await pageContext();
  const today = todayUtc();
  const run = await findRun(ctx);
  // Recomputing and loading the sample are a manager's; a viewer is told so instead of a button.
  const canManage = hasRole(ctx.actor.role, "manager");
  if (!run) {
    const stored = (await listPositions(ctx, { limit: 1 })).total;
    return (
      <>
        <PageHeader title="Overview" description="Where the portfolio's money is concentrated, against its limits." />
        <EmptyOverview storedPositions={stored} today={today} role={ctx.actor.role} />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Overview"
        description="Where the portfolio's money is concentrated, against its limits, from the latest run."
        actions={canManage ? <RecomputeForm today={today} /> : undefined}
      />
      <ScheduleNote ctx={ctx} />
      <OverviewTotals run={run} />
      <section aria-labelledby="dials-heading" className="mb-6">
        <h2 id="dials-heading" className="mb-3 text-lg font-semibold">
          Exposure by dimension
        </h2>
        <SectionBoundary what="The exposure dials">
          <ExposureDials ctx={ctx} run={run} />
        </SectionBoundary>
      </section>
      <Card title="Open alerts">
        <SectionBoundary what="Open alerts">
          <OpenAlerts ctx={ctx} />
        </SectionBoundary>
      </Card>
    </>
  );
}

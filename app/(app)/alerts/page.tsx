import type { Metadata } from "next";
import { Suspense } from "react";
import { AlertFilterBar } from "@/components/alerts/alert-filter-bar";
import { AlertInbox } from "@/components/alerts/alert-inbox";
import {
  ALERT_PAGE_SIZE,
  type AlertFilters,
  filtersToSearch,
  parseAlertFilters,
  toAlertQuery,
} from "@/components/alerts/filters";
import { InboxSkeleton } from "@/components/alerts/inbox-skeleton";
import { NeedsRole } from "@/components/ui/needs-role";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/auth/roles";
import { pageContext } from "@/lib/http/page";
import { listAlerts } from "@/lib/services/alerts";
import type { PortfolioContext } from "@/lib/services/context";

export const metadata: Metadata = { title: "Alerts" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function InboxSection({
  filters,
  ctx,
  canAct,
}: {
  filters: AlertFilters;
  ctx: PortfolioContext;
  canAct: boolean;
}) {
  const initial = await listAlerts(ctx, { ...toAlertQuery(filters), limit: ALERT_PAGE_SIZE });
  return (
    <AlertInbox
      portfolio={ctx.portfolio.slug}
      filters={filters}
      initial={initial}
      renderedAt={Date.now()}
      canAct={canAct}
    />
  );
}

export default async function AlertsPage({ searchParams }: { searchParams: SearchParams }) {
  const [filters, ctx] = await Promise.all([searchParams.then(parseAlertFilters), pageContext()]);
  const canAct = hasRole(ctx.actor.role, "manager");
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Breaches of your limits, newest first. Acknowledge what you are handling; resolve what is dealt with."
      />
      <AlertFilterBar filters={filters} />
      {!canAct && (
        <div className="mb-3">
          <NeedsRole what="Acknowledging and resolving alerts" need="manager" role={ctx.actor.role} />
        </div>
      )}
      {/* Keyed by the filters so a new filter shows the skeleton instead of the previous list. */}
      <Suspense key={filtersToSearch(filters)} fallback={<InboxSkeleton />}>
        <InboxSection filters={filters} ctx={ctx} canAct={canAct} />
      </Suspense>
    </>
  );
}

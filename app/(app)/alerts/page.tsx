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
import { PageHeader } from "@/components/ui/page-header";
import { pageContext } from "@/lib/http/page";
import { listAlerts } from "@/lib/services/alerts";
import type { PortfolioContext } from "@/lib/services/context";

export const metadata: Metadata = { title: "Alerts" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function InboxSection({ filters, ctx }: { filters: AlertFilters; ctx: PortfolioContext }) {
  const initial = await listAlerts(ctx, { ...toAlertQuery(filters), limit: ALERT_PAGE_SIZE });
  return <AlertInbox portfolio={ctx.portfolio.slug} filters={filters} initial={initial} renderedAt={Date.now()} />;
}

export default async function AlertsPage({ searchParams }: { searchParams: SearchParams }) {
  const [filters, ctx] = await Promise.all([searchParams.then(parseAlertFilters), pageContext()]);
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Breaches of your limits, newest first. Acknowledge what you are handling; resolve what is dealt with."
      />
      <AlertFilterBar filters={filters} />
      {/* Keyed by the filters so a new filter shows the skeleton instead of the previous list. */}
      <Suspense key={filtersToSearch(filters)} fallback={<InboxSkeleton />}>
        <InboxSection filters={filters} ctx={ctx} />
      </Suspense>
    </>
  );
}

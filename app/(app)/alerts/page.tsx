import type { Metadata } from "next";
import { Suspense } from "react";
import { AlertFilterBar } from "@/components/alerts/alert-filter-bar";
import { AlertInbox } from "@/components/alerts/alert-inbox";
import { ALERT_PAGE_SIZE, filtersToSearch, parseAlertFilters, toAlertQuery, type AlertFilters } from "@/components/alerts/filters";
import { InboxSkeleton } from "@/components/alerts/inbox-skeleton";
import { currentPortfolio } from "@/components/portfolio";
import { PageHeader } from "@/components/ui/page-header";
import { listAlerts } from "@/lib/alerts";

export const metadata: Metadata = { title: "Alerts" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function InboxSection({ filters, portfolio }: { filters: AlertFilters; portfolio: string }) {
  const initial = await listAlerts({ ...toAlertQuery(filters), limit: ALERT_PAGE_SIZE }, portfolio);
  return <AlertInbox portfolio={portfolio} filters={filters} initial={initial} renderedAt={Date.now()} />;
}

export default async function AlertsPage({ searchParams }: { searchParams: SearchParams }) {
  const [filters, portfolio] = await Promise.all([searchParams.then(parseAlertFilters), currentPortfolio()]);
  return (
    <>
      <PageHeader title="Alerts" description="Breaches of your limits, newest first. Acknowledge what you are handling; resolve what is dealt with." />
      <AlertFilterBar filters={filters} />
      {/* Keyed by the filters so a new filter shows the skeleton instead of the previous list. */}
      <Suspense key={filtersToSearch(filters)} fallback={<InboxSkeleton />}>
        <InboxSection filters={filters} portfolio={portfolio} />
      </Suspense>
    </>
  );
}

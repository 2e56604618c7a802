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
  focus,
}: {
  filters: AlertFilters;
  ctx: PortfolioContext;
  canAct: boolean;
  focus: string | null;
}) {
  const initial = await listAlerts(ctx, { ...toAlertQuery(filters), limit: ALERT_PAGE_SIZE });
  return (
    <AlertInbox
      portfolio={ctx.portfolio.slug}
      filters={filters}
      initial={initial}
      renderedAt={Date.now()}
      canAct={canAct}
      focus={focus}
    />
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : null);

export default async function AlertsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const [filters, ctx] = [parseAlertFilters(params), await pageContext()];
  // A notification's link names its alert (?alert=) and portfolio (?portfolio=): the inbox scrolls
  // to the alert, and says so when the link is about a portfolio other than the one in the nav.
  const alertParam = single(params.alert);
  const focus = alertParam && UUID.test(alertParam) ? alertParam : null;
  const linked = single(params.portfolio);
  const canAct = hasRole(ctx.actor.role, "manager");
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Breaches of your limits, newest first. Acknowledge what you are handling; resolve what is dealt with."
      />
      <AlertFilterBar filters={filters} />
      {linked && linked !== ctx.portfolio.slug && (
        <p role="note" data-testid="other-portfolio-note" className="mb-3 text-sm text-muted">
          This link is about the portfolio <strong className="text-text">{linked}</strong>; you are looking at{" "}
          <strong className="text-text">{ctx.portfolio.name}</strong>. Choose {linked} in the portfolio menu above.
        </p>
      )}
      {!canAct && (
        <div className="mb-3">
          <NeedsRole what="Acknowledging and resolving alerts" need="manager" role={ctx.actor.role} />
        </div>
      )}
      {/* Keyed by the filters so a new filter shows the skeleton instead of the previous list. */}
      <Suspense key={filtersToSearch(filters)} fallback={<InboxSkeleton />}>
        <InboxSection filters={filters} ctx={ctx} canAct={canAct} focus={focus} />
      </Suspense>
    </>
  );
}

"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { ALERT_POLL_MS, queryKeys } from "../query-keys";

export interface AlertSummary {
  warning: number;
  critical: number;
  total: number;
}

export async function fetchAlertSummary(portfolio: string): Promise<AlertSummary> {
  const res = await fetch(`/api/alerts/summary?portfolio=${encodeURIComponent(portfolio)}`, { cache: "no-store" });
  if (!res.ok) throw new Error(`alert summary: ${res.status}`);
  return (await res.json()) as AlertSummary;
}

/** The open-alert count in the nav; polls so a new breach shows without a reload. */
export function AlertBadge({ portfolio, initial }: { portfolio: string; initial: AlertSummary }) {
  const client = useQueryClient();
  // A server render after an action (loading data, a new run) brings fresher counts than the cache.
  useEffect(() => {
    client.setQueryData(queryKeys.alertSummary(portfolio), initial);
  }, [client, portfolio, initial]);
  const { data } = useQuery({
    queryKey: queryKeys.alertSummary(portfolio),
    queryFn: () => fetchAlertSummary(portfolio),
    initialData: initial,
    refetchInterval: ALERT_POLL_MS,
  });
  const critical = data.critical > 0;
  return (
    <span
      data-testid="open-alert-count"
      role="img"
      aria-label={`${data.total} open alerts${critical ? `, ${data.critical} critical` : ""}`}
      className={`ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full px-1.5 text-xs font-semibold ${
        data.total === 0 ? "bg-surface-2 text-muted" : critical ? "bg-breach text-white" : "bg-near text-white"
      }`}
    >
      {data.total}
    </span>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { formatDateTime, formatPct, formatPctExact } from "@/lib/display/format";
import { ALERT_POLL_MS, queryKeys } from "../query-keys";
import { Button } from "../ui/button";
import { Skeleton } from "../ui/skeleton";
import { type AlertEvent, fetchAlertDetail } from "./fetchers";

const KIND: Record<string, { icon: string; label: string }> = {
  opened: { icon: "●", label: "Opened" },
  updated: { icon: "↕", label: "Updated" },
  acknowledged: { icon: "◐", label: "Acknowledged" },
  resolved: { icon: "✓", label: "Resolved" },
  waived: { icon: "◇", label: "Waived" },
  unwaived: { icon: "◆", label: "Waiver ended" },
  waiver_expired: { icon: "◈", label: "Waiver expired" },
};

function actorText(event: AlertEvent): string {
  if (event.actor === "auto") return event.kind === "resolved" ? "automatically, by a run" : "by a run";
  return `by ${event.actor}`;
}

/** The alert's events, oldest first: loaded when the row is expanded, kept fresh while open. */
export function AlertHistory({ id, portfolio, panelId }: { id: string; portfolio: string; panelId: string }) {
  const { data, isPending, isError, error, refetch } = useQuery({
    queryKey: queryKeys.alert(portfolio, id),
    queryFn: () => fetchAlertDetail(id, portfolio),
    refetchInterval: ALERT_POLL_MS,
  });

  return (
    <div id={panelId} data-testid="alert-history" className="mt-3 rounded-md border border-border bg-surface-2 p-3">
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">History</h3>
      {isPending ? (
        <div role="status" aria-label="Loading history" className="space-y-2">
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-4 w-1/2" />
        </div>
      ) : isError ? (
        <div role="alert" className="text-sm text-breach">
          History could not be loaded: {error.message}{" "}
          <Button variant="ghost" className="px-1 py-0" onClick={() => void refetch()}>
            Retry
          </Button>
        </div>
      ) : (
        <ol className="space-y-2 text-sm">
          {data.history.map((event) => {
            const kind = KIND[event.kind] ?? { icon: "•", label: event.kind };
            return (
              <li key={event.id} data-event-kind={event.kind} className="flex gap-2">
                <span aria-hidden="true" className="w-4 shrink-0 text-center text-muted">
                  {kind.icon}
                </span>
                <div>
                  <span className="font-medium">{kind.label}</span> {actorText(event)}
                  <span className="text-muted"> · {formatDateTime(event.createdAt)}</span>
                  {event.exposurePct !== null && (
                    <span className="text-muted" title={formatPctExact(event.exposurePct)}>
                      {" "}
                      · exposure {formatPct(event.exposurePct)}
                    </span>
                  )}
                  {event.comment && <p className="mt-0.5 text-muted">“{event.comment}”</p>}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { formatDate, formatDateTime, formatPct, formatPctExact } from "@/lib/display/format";
import { formatMeasure } from "../limits/limit-rule";
import { ALERT_POLL_MS, queryKeys } from "../query-keys";
import { Button } from "../ui/button";
import { Skeleton } from "../ui/skeleton";
import { type AlertDetail, type AlertEvent, fetchAlertDetail } from "./fetchers";

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
        <>
          {data.breachSnapshots.length > 1 && <BreachChart points={data.breachSnapshots} unit={data.breachUnit} />}
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
        </>
      )}
    </div>
  );
}

const W = 280;
const H = 56;

/**
 * The breach at each snapshot since it began, against its limit: a small line, the limit dashed,
 * breaching points filled. The list beside it says the same in words (screen readers, hover).
 */
function BreachChart({ points, unit }: { points: AlertDetail["breachSnapshots"]; unit: AlertDetail["breachUnit"] }) {
  const values = points.flatMap((p) => [p.measure, p.line]);
  // The range of the measures and the line, with a little room: the chart is about the change.
  const pad = (Math.max(...values) - Math.min(...values)) * 0.15 || 1;
  const lo = Math.min(...values) - pad;
  const hi = Math.max(...values) + pad;
  const x = (i: number) => 4 + (i / Math.max(1, points.length - 1)) * (W - 8);
  const y = (v: number) => H - 4 - ((v - lo) / (hi - lo || 1)) * (H - 8);
  const line = points[points.length - 1]?.line ?? 0;
  const text = points.map(
    (p) => `${formatDate(p.asOfDate)}: ${formatMeasure(p.measure, unit)}${p.breached ? " (breach)" : ""}`,
  );
  return (
    <figure className="mb-3" data-testid="breach-chart">
      <figcaption className="mb-1 text-xs text-muted">
        At each snapshot since the breach began, against the limit of {formatMeasure(line, unit)}
      </figcaption>
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true" className="overflow-visible">
        <line x1={0} x2={W} y1={y(line)} y2={y(line)} stroke="var(--color-breach)" strokeDasharray="4 3" />
        <polyline
          fill="none"
          stroke="var(--color-accent)"
          strokeWidth={2}
          points={points.map((p, i) => `${x(i)},${y(p.measure)}`).join(" ")}
        />
        {points.map((p, i) => (
          <circle
            key={p.asOfDate}
            cx={x(i)}
            cy={y(p.measure)}
            r={3}
            fill={p.breached ? "var(--color-breach)" : "var(--color-surface)"}
            stroke="var(--color-accent)"
          />
        ))}
      </svg>
      <ul className="sr-only">
        {text.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
    </figure>
  );
}

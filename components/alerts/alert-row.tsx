"use client";

import { type ReactNode, useState } from "react";
import { formatDate, formatDateTime, formatPctExact, formatPp } from "@/lib/display/format";
import { DIMENSION_LABELS, isDimension, labelValue } from "@/lib/display/labels";
import type { AlertDto } from "@/lib/services/alerts";
import { formatDistance, formatMeasure } from "../limits/limit-rule";
import { Button } from "../ui/button";
import { SeverityBadge } from "../ui/status-badge";
import { AlertHistory } from "./alert-history";
import { AlertStatusBadge } from "./alert-status-badge";

/** "1 day", "122 days": how long a breach has lasted. */
const daysText = (days: number | null) => (days === 1 ? "1 day" : `${days ?? 0} days`);

export type AlertActionKind = "acknowledge" | "resolve" | "waive" | "unwaive";

function Fact({ label, children, title }: { label: string; children: ReactNode; title?: string }) {
  return (
    <div className="flex gap-1">
      <dt className="text-muted">{label}</dt>
      <dd title={title}>{children}</dd>
    </div>
  );
}

interface AlertRowProps {
  alert: AlertDto;
  portfolio: string;
  selected: boolean;
  /** The alert a link pointed at (?alert=): marked with a ring. */
  linked?: boolean;
  /** The signed-in role may acknowledge and resolve (a manager); a viewer sees no controls. */
  canAct: boolean;
  busy: boolean;
  onSelect: (id: string, selected: boolean) => void;
  onAction: (kind: AlertActionKind, ids: string[]) => void;
}

export function AlertRow({
  alert,
  portfolio,
  selected,
  linked = false,
  busy,
  canAct,
  onSelect,
  onAction,
}: AlertRowProps) {
  const [expanded, setExpanded] = useState(false);
  const open = alert.status !== "resolved";
  const dimension = isDimension(alert.dimensionType)
    ? DIMENSION_LABELS[alert.dimensionType]
    : alert.kind === "data"
      ? "Data"
      : alert.dimensionType;
  const relation = alert.kind === "target" ? "target" : alert.thresholdType === "minimum" ? "min" : "max";
  // Signed as exposure minus limit: over a maximum is +, under a minimum is −.
  const overPp = alert.thresholdType === "minimum" ? -alert.breachPct : alert.breachPct;
  const inPp = alert.breachUnit === "pp";
  const panelId = `alert-history-${alert.id}`;

  return (
    <li
      data-testid="alert-row"
      data-alert-id={alert.id}
      data-status={alert.status}
      tabIndex={-1}
      className={`grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 border-b border-border px-3 py-3 last:border-b-0 sm:grid-cols-[auto_1fr_auto] ${selected ? "bg-accent/5" : ""} ${linked ? "ring-2 ring-inset ring-accent" : ""}`}
      data-linked={linked || undefined}
    >
      <div className="pt-0.5">
        {open && canAct ? (
          <input
            type="checkbox"
            className="size-4 accent-[var(--color-accent)]"
            checked={selected}
            onChange={(e) => onSelect(alert.id, e.target.checked)}
            aria-label={`Select alert: ${alert.alertMessage}`}
          />
        ) : (
          <span className="block size-4" aria-hidden="true" />
        )}
      </div>
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-2">
          <SeverityBadge severity={alert.severity} />
          <AlertStatusBadge alert={alert} />
          <span className="text-sm font-semibold">
            {dimension} · {alert.kind === "data" ? "Freshness" : labelValue(alert.dimensionType, alert.dimensionValue)}
            {alert.limitReference && (
              <span className="font-normal text-muted" data-testid="alert-reference">
                {" "}
                · {alert.limitReference}
              </span>
            )}
          </span>
        </div>
        <p className="mt-1 break-words text-sm">{alert.alertMessage}</p>
        <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-0.5 text-xs">
          <Fact
            label={
              alert.kind === "count"
                ? "Values"
                : alert.kind === "hhi"
                  ? "HHI"
                  : alert.kind === "data"
                    ? "Import age"
                    : "Exposure"
            }
            title={
              inPp
                ? `${formatPctExact(alert.exposurePct)} against ${relation} ${formatPctExact(alert.thresholdPct)}`
                : `${alert.exposurePct} against ${relation} ${alert.thresholdPct}`
            }
          >
            {formatMeasure(alert.exposurePct, alert.breachUnit)} vs {relation}{" "}
            {formatMeasure(alert.thresholdPct, alert.breachUnit)}
          </Fact>
          <Fact
            label="Breach"
            title={
              inPp
                ? `${formatPctExact(alert.breachPct)} points past the ${alert.kind === "target" ? "band" : "limit"}`
                : `${alert.breachPct} past the limit`
            }
          >
            {inPp ? formatPp(overPp) : formatDistance(alert.breachPct, alert.breachUnit)}
          </Fact>
          {alert.breachSince && (
            <Fact
              label="In breach since"
              title={`The first as-of date of the unbroken run of breaching snapshots${alert.status === "resolved" ? "" : " up to the latest"}`}
            >
              {formatDate(alert.breachSince)} · {daysText(alert.daysInBreach)}
            </Fact>
          )}
          <Fact label="Opened">{formatDateTime(alert.createdAt)}</Fact>
          <Fact label="Last seen">{formatDateTime(alert.lastSeenAt)}</Fact>
        </dl>
        {alert.acknowledgedBy && (
          <p className="mt-1 text-xs text-muted">
            Acknowledged by <span className="font-medium text-text">{alert.acknowledgedBy}</span> ·{" "}
            {formatDateTime(alert.acknowledgedAt)}
          </p>
        )}
        {alert.status === "resolved" && (
          <p className="mt-1 text-xs text-muted">
            {alert.resolvedBy === "auto" ? (
              "Resolved automatically when the breach cleared"
            ) : (
              <>
                Resolved by <span className="font-medium text-text">{alert.resolvedBy}</span>
              </>
            )}{" "}
            · {formatDateTime(alert.resolvedAt)}
          </p>
        )}
        {alert.status === "waived" && (
          <p data-testid="alert-waiver" className="mt-1 break-words text-xs text-muted">
            Waived by <span className="font-medium text-text">{alert.waivedBy}</span> until{" "}
            <span className="font-medium text-text">{formatDate(alert.waivedUntil)}</span>: “{alert.waiverReason}”
          </p>
        )}
        {alert.comment && <p className="mt-1 break-words text-xs text-muted">Comment: “{alert.comment}”</p>}
        {alert.limitNote && (
          // Two lines while the row is folded, the whole note with its history.
          <p
            data-testid="alert-limit-note"
            className={`mt-1 whitespace-pre-line break-words text-xs text-muted ${expanded ? "" : "line-clamp-2"}`}
          >
            Limit note: {alert.limitNote}
          </p>
        )}
        <button
          type="button"
          className="mt-1 text-xs font-medium text-accent underline-offset-2 hover:underline"
          aria-expanded={expanded}
          aria-controls={expanded ? panelId : undefined}
          onClick={() => setExpanded((v) => !v)}
        >
          <span aria-hidden="true">{expanded ? "▾" : "▸"}</span> History
          <span className="sr-only">
            {" "}
            of the {dimension} {labelValue(alert.dimensionType, alert.dimensionValue)} alert
          </span>
        </button>
        {expanded && <AlertHistory id={alert.id} portfolio={portfolio} panelId={panelId} />}
      </div>
      {open && canAct && (
        <div className="col-start-2 flex flex-wrap items-start gap-2 sm:col-start-3 sm:row-start-1 sm:justify-end">
          {alert.status === "active" && (
            <Button
              data-testid="ack-button"
              disabled={busy}
              onClick={() => onAction("acknowledge", [alert.id])}
              aria-label={`Acknowledge: ${alert.alertMessage}`}
            >
              Acknowledge
            </Button>
          )}
          {alert.status === "waived" ? (
            <Button
              data-testid="unwaive-button"
              disabled={busy}
              onClick={() => onAction("unwaive", [alert.id])}
              aria-label={`End the waiver: ${alert.alertMessage}`}
            >
              End waiver
            </Button>
          ) : (
            <Button
              data-testid="waive-button"
              disabled={busy}
              onClick={() => onAction("waive", [alert.id])}
              aria-label={`Waive: ${alert.alertMessage}`}
            >
              Waive
            </Button>
          )}
          <Button
            data-testid="resolve-button"
            disabled={busy}
            onClick={() => onAction("resolve", [alert.id])}
            aria-label={`Resolve: ${alert.alertMessage}`}
          >
            Resolve
          </Button>
        </div>
      )}
    </li>
  );
}

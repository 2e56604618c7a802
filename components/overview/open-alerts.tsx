import Link from "next/link";
import { formatDate, formatDateTime } from "@/lib/display/format";
import { DIMENSION_LABELS, isDimension, labelValue } from "@/lib/display/labels";
import { DIMENSION_WIDE } from "@/lib/engine/types";
import { type AlertDto, countOpenAlerts, listAlerts } from "@/lib/services/alerts";
import type { PortfolioContext } from "@/lib/services/context";
import { formatMeasure } from "../limits/limit-rule";
import { SeverityBadge } from "../ui/status-badge";

const NEWEST = 5;

function headline(a: AlertDto): string {
  if (a.kind === "data")
    return `Stale data: newest import ${formatMeasure(a.exposurePct, "days")} old, allowed ${formatMeasure(a.thresholdPct, "days")}`;
  const dimension = isDimension(a.dimensionType) ? DIMENSION_LABELS[a.dimensionType] : a.dimensionType;
  const relation =
    a.kind === "target"
      ? `off its target of`
      : a.thresholdType === "minimum"
        ? "below the minimum of"
        : "above the maximum of";
  const figures = `at ${formatMeasure(a.exposurePct, a.breachUnit)}, ${relation} ${formatMeasure(a.thresholdPct, a.breachUnit)}`;
  if (a.dimensionValue === DIMENSION_WIDE) {
    const what = a.kind === "count" ? "count of values" : a.kind === "hhi" ? "HHI" : "largest values together";
    return `${dimension} ${what} ${figures}`;
  }
  return `${dimension}: ${labelValue(a.dimensionType, a.dimensionValue)} ${figures}`;
}

/** Open alerts by severity, and the newest few. */
export async function OpenAlerts({ ctx }: { ctx: PortfolioContext }) {
  const [counts, newest] = await Promise.all([
    countOpenAlerts(ctx),
    listAlerts(ctx, { status: "open", limit: NEWEST }),
  ]);
  return (
    <div data-testid="open-alerts" className="flex flex-col gap-4 md:flex-row">
      <dl className="grid shrink-0 grid-cols-3 gap-2 md:w-64 md:grid-cols-1">
        {(
          [
            ["Critical", counts.critical, "text-breach"],
            ["Warning", counts.warning, "text-near"],
            ["Total open", counts.total, "text-text"],
          ] as const
        ).map(([label, count, colour]) => (
          <div
            key={label}
            className="rounded-md bg-surface-2 px-3 py-2"
            data-testid={`alerts-${label.split(" ")[0]?.toLowerCase()}`}
          >
            <dt className="text-xs text-muted">{label}</dt>
            <dd className={`text-xl font-semibold tabular-nums ${count > 0 ? colour : "text-muted"}`}>{count}</dd>
          </div>
        ))}
      </dl>
      <div className="min-w-0 flex-1">
        {newest.items.length === 0 ? (
          <p className="text-sm text-muted">No open alerts: every exposure is within its limits.</p>
        ) : (
          <ul aria-label="Newest open alerts" className="divide-y divide-border">
            {newest.items.map((a) => (
              <li
                key={a.id}
                className="grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-0.5 py-2 text-sm sm:grid-cols-[auto_1fr_auto]"
              >
                <SeverityBadge severity={a.severity} />
                <Link
                  href="/alerts"
                  className="min-w-0 hover:text-accent hover:underline"
                  title={a.limitNote ? `${a.alertMessage}\nNote: ${a.limitNote}` : a.alertMessage}
                >
                  {headline(a)}
                  {a.limitReference && <span className="text-muted"> · {a.limitReference}</span>}
                </Link>
                <span className="col-start-2 text-xs text-muted sm:col-start-auto">
                  {a.status === "acknowledged" ? "acknowledged · " : ""}
                  {a.breachSince ? (
                    <>
                      in breach since <time dateTime={a.breachSince}>{formatDate(a.breachSince)}</time>
                    </>
                  ) : (
                    <time dateTime={a.createdAt}>{formatDateTime(a.createdAt)}</time>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
        <Link href="/alerts" className="mt-2 inline-block text-sm text-accent hover:underline">
          Open the alert inbox →
        </Link>
      </div>
    </div>
  );
}

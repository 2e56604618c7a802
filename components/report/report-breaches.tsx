import { formatDate, formatPp } from "@/lib/display/format";
import { DIMENSION_LABELS, labelValue } from "@/lib/display/labels";
import { DIMENSION_WIDE } from "@/lib/engine/types";
import type { ReportBreach } from "@/lib/services/report";
import { formatDistance, formatMeasure, KIND_LABELS } from "../limits/limit-rule";
import { SeverityBadge } from "../ui/status-badge";

const th = "px-2 py-2 text-left text-xs font-medium text-muted";
const td = "px-2 py-2 align-top";

/** "1 day", "76 days". */
const daysText = (days: number) => (days === 1 ? "1 day" : `${days} days`);

function Row({ breach }: { breach: ReportBreach }) {
  const what =
    breach.dimensionValue === DIMENSION_WIDE
      ? KIND_LABELS[breach.kind]
      : labelValue(breach.dimensionType, breach.dimensionValue);
  const relation = breach.kind === "target" ? "target" : breach.thresholdType === "minimum" ? "min" : "max";
  // Signed as measured minus limit: over a maximum is +, under a minimum is −.
  const overPp = breach.thresholdType === "minimum" ? -breach.breachPct : breach.breachPct;
  return (
    <tr className="break-inside-avoid border-b border-border last:border-0" data-testid="report-breach-row">
      <td className={td}>
        <div className="flex flex-wrap items-center gap-2">
          <SeverityBadge severity={breach.severity} />
          <span className="font-medium">
            {DIMENSION_LABELS[breach.dimensionType]} · {what}
          </span>
        </div>
        {breach.limitReference && <p className="mt-1 text-xs text-muted">{breach.limitReference}</p>}
      </td>
      <td className={`${td} whitespace-nowrap text-right tabular-nums`}>
        {formatMeasure(breach.exposurePct, breach.breachUnit)}
        <span className="block text-xs text-muted">
          {relation} {formatMeasure(breach.thresholdPct, breach.breachUnit)}
        </span>
      </td>
      <td className={`${td} whitespace-nowrap text-right tabular-nums`}>
        {breach.breachUnit === "pp" ? formatPp(overPp) : formatDistance(breach.breachPct, breach.breachUnit)}
      </td>
      <td className={`${td} whitespace-nowrap`} data-testid="report-breach-days">
        {breach.breachSince === null || breach.daysInBreach === null ? (
          "—"
        ) : (
          <>
            {daysText(breach.daysInBreach)}
            <span className="block text-xs text-muted">since {formatDate(breach.breachSince)}</span>
          </>
        )}
      </td>
      <td className={`${td} whitespace-pre-line break-words text-xs`}>{breach.limitNote ?? "—"}</td>
    </tr>
  );
}

/** Every breach of an active limit at the report's run, critical first, with its limit's reference and note. */
export function ReportBreaches({ breaches }: { breaches: readonly ReportBreach[] }) {
  if (breaches.length === 0)
    return (
      <p className="text-sm" data-testid="report-no-breaches">
        No active limit is breached as of this date.
      </p>
    );
  return (
    <table className="w-full text-sm" data-testid="report-breaches-table">
      <thead>
        <tr className="border-b border-border">
          <th scope="col" className={th}>
            Limit
          </th>
          <th scope="col" className={`${th} text-right`}>
            Measured
          </th>
          <th scope="col" className={`${th} text-right`}>
            Past the limit
          </th>
          <th scope="col" className={th}>
            In breach
          </th>
          <th scope="col" className={`${th} w-1/3`}>
            Note
          </th>
        </tr>
      </thead>
      <tbody>
        {breaches.map((b) => (
          <Row key={`${b.limitId} ${b.dimensionValue}`} breach={b} />
        ))}
      </tbody>
    </table>
  );
}

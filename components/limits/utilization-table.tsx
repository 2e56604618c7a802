import { formatPctExact, formatPp } from "@/lib/display/format";
import { DIMENSION_LABELS, labelValue } from "@/lib/display/labels";
import type { LimitStatus } from "@/lib/engine/types";
import type { LimitUtilization } from "@/lib/engine/utilization";
import { SeverityBadge, StatusBadge } from "../ui/status-badge";
import { formatMeasure, formatSignedMeasure } from "./limit-rule";
import { UtilizationBar } from "./utilization-bar";

/** The limit's line as the row reads it: max 30.0 %, min 10, max $250M, HHI max 1,500, target 60.0 % ± 10.0 pp. */
function limitText(r: LimitUtilization): string {
  const line = formatMeasure(r.limitPct, r.unit);
  if (r.kind === "target") return `target ${line} ± ${(r.bandPp ?? 0).toFixed(1)} pp`;
  const side = r.thresholdType === "maximum" ? "max" : "min";
  if (r.kind === "top_n") return `top together ${side} ${line}`;
  if (r.kind === "hhi") return `HHI ${side} ${line}`;
  if (r.kind === "count") return `${side} ${line} values`;
  return `${side} ${line}`;
}

function Summary({ rows }: { rows: LimitUtilization[] }) {
  const count = (s: LimitStatus) => rows.filter((r) => r.status === s).length;
  return (
    <p data-testid="utilization-summary" className="mb-3 text-sm text-muted">
      {count("breach")} in breach · {count("near")} near (within 10 % of the limit) · {count("within")} within
    </p>
  );
}

/** Every value against each active limit that applies to it: breaches first, then the most used. */
export function UtilizationTable({ rows }: { rows: LimitUtilization[] }) {
  return (
    <>
      <Summary rows={rows} />
      <div className="relative overflow-x-auto">
        <table className="w-full min-w-[46rem] text-sm" data-testid="utilization-table">
          <caption className="sr-only">Exposure of each value against its limits, breaches first</caption>
          <thead>
            <tr className="border-b border-border text-left text-xs text-muted">
              <th scope="col" className="px-2 py-2 font-medium">
                Status
              </th>
              <th scope="col" className="px-2 py-2 font-medium">
                Value
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                Exposure
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                Limit
              </th>
              <th scope="col" className="px-2 py-2 font-medium">
                Utilisation
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                Headroom
              </th>
              <th scope="col" className="px-2 py-2 font-medium">
                Severity
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={`${r.limitId}:${r.dimensionValue}`}
                data-testid="utilization-row"
                data-status={r.status}
                className="border-b border-border last:border-0"
              >
                <td className="px-2 py-2">
                  <StatusBadge status={r.status} />
                </td>
                <th scope="row" className="px-2 py-2 text-left font-medium">
                  <span className="mr-1 text-xs font-normal text-muted">{DIMENSION_LABELS[r.dimensionType]}</span>
                  <span title={r.dimensionValue}>{labelValue(r.dimensionType, r.dimensionValue)}</span>
                </th>
                <td
                  className="px-2 py-2 text-right tabular-nums"
                  title={r.unit === "pp" ? formatPctExact(r.exposurePct) : String(r.exposurePct)}
                >
                  {formatMeasure(r.exposurePct, r.unit)}
                </td>
                <td
                  className="px-2 py-2 text-right tabular-nums"
                  title={r.unit === "pp" ? formatPctExact(r.limitPct) : String(r.limitPct)}
                >
                  {limitText(r)}
                </td>
                <td
                  className="px-2 py-2"
                  title={r.utilizationPct === null ? undefined : formatPctExact(r.utilizationPct)}
                >
                  <UtilizationBar utilizationPct={r.utilizationPct} status={r.status} />
                </td>
                <td
                  className={`px-2 py-2 text-right tabular-nums ${r.headroomPp < 0 ? "font-semibold text-breach" : ""}`}
                  title={`${r.headroomPp} ${r.unit === "usd" ? "dollars" : r.unit}`}
                >
                  {r.unit === "pp" ? formatPp(r.headroomPp) : formatSignedMeasure(r.headroomPp, r.unit)}
                </td>
                <td className="px-2 py-2">
                  <SeverityBadge severity={r.severity} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

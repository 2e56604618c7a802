import { formatPct } from "@/lib/display/format";
import type { LimitStatus } from "@/lib/engine/types";

const FILL: Record<LimitStatus, string> = { within: "bg-within", near: "bg-near", breach: "bg-breach" };

/**
 * How much of a limit is used. The bar stops at 100 % so one large breach does not dwarf every
 * other row; past 100 % an overflow marker and the figure say by how much.
 */
export function UtilizationBar({ utilizationPct, status }: { utilizationPct: number | null; status: LimitStatus }) {
  const over = utilizationPct === null ? status === "breach" : utilizationPct > 100;
  const width = utilizationPct === null ? (over ? 100 : 0) : Math.min(100, Math.max(0, utilizationPct));
  return (
    <div className="flex items-center gap-2">
      <div
        aria-hidden="true"
        className="relative h-2.5 w-28 shrink-0 overflow-visible rounded-full bg-surface-2 sm:w-40"
      >
        <div className={`h-full rounded-full ${FILL[status]}`} style={{ width: `${width}%` }} />
        {over && <span className="absolute -right-2.5 -top-1 text-xs leading-none text-breach">▶</span>}
      </div>
      <span className="w-16 text-right tabular-nums" data-testid="utilization-pct">
        {utilizationPct === null ? (over ? "over" : "—") : formatPct(utilizationPct, 0)}
      </span>
    </div>
  );
}

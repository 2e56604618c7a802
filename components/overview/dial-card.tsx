import Link from "next/link";
import { formatMoney, formatMoneyExact, formatPct, formatPctExact, formatPp } from "@/lib/display/format";
import { DIMENSION_LABELS, labelValue } from "@/lib/display/labels";
import type { Dial, DialValue } from "@/lib/engine/dashboard";
import { limitAppliesTo } from "@/lib/engine/limits";
import { type Limit, UNKNOWN } from "@/lib/engine/types";
import { Gauge } from "../charts/gauge";
import { StatusBadge } from "../ui/status-badge";

export const TOP_VALUES = 5;
/** Shared with the skeleton so the page does not jump when the dials arrive. */
export const DIAL_CARD_CLASS =
  "relative flex min-h-[26rem] flex-col rounded-card border border-border bg-surface p-4 shadow-sm";

/** A distance in percentage points, unsigned: "2.0 pp". */
const points = (pp: number) => formatPp(Math.abs(pp)).replace(/^[+±]/, "");

const STATUS_WORD = { within: "within", near: "near", breach: "breach", none: "no limit" } as const;

function limitsText(limits: readonly Limit[], value: string): string {
  const applying = limits.filter((l) => limitAppliesTo(l, value));
  if (applying.length === 0) return "no limit";
  return applying
    .map((l) => `${l.thresholdType === "maximum" ? "max" : "min"} ${formatPct(l.thresholdPct)} (${l.severityLevel})`)
    .join(", ");
}

function ValueRow({
  dimension,
  value,
  limits,
}: {
  dimension: Dial["dimensionType"];
  value: DialValue;
  limits: readonly Limit[];
}) {
  const name = labelValue(dimension, value.dimensionValue);
  return (
    <li className="flex items-center gap-2 py-1 text-sm">
      <span
        className="min-w-0 flex-1 truncate"
        title={`${name}: ${formatMoneyExact(value.exposureValue)}, ${value.positionCount} positions; ${limitsText(limits, value.dimensionValue)}`}
      >
        {name}
      </span>
      {value.status !== "within" && <StatusBadge status={value.status} />}
      <span className="w-16 text-right tabular-nums" title={formatPctExact(value.exposurePct)}>
        {formatPct(value.exposurePct)}
      </span>
    </li>
  );
}

/** One dimension: a gauge of its largest value against that value's limit, then the top values. */
export function DialCard({ dial, limits }: { dial: Dial; limits: readonly Limit[] }) {
  const dimension = dial.dimensionType;
  const label = DIMENSION_LABELS[dimension];
  const top = dial.values.find((v) => v.dimensionValue !== UNKNOWN);
  const hasLimits = limits.length > 0;
  const dialStatus = hasLimits ? dial.status : "none";
  const topLimited = top !== undefined && limits.some((l) => limitAppliesTo(l, top.dimensionValue));
  const gaugeStatus = top && topLimited ? top.status : "none";
  const topName = top ? labelValue(dimension, top.dimensionValue) : "No data";
  const topPct = top?.exposurePct ?? 0;
  const target = dial.target;
  const drift = target ? Math.abs(topPct - target.targetPct) : 0;
  const limitLine =
    dial.limitPct !== null
      ? `Limit ${formatPct(dial.limitPct)} · ${topPct > dial.limitPct ? `over by ${points(topPct - dial.limitPct)}` : `headroom ${points(dial.limitPct - topPct)}`}`
      : target
        ? `Target ${formatPct(target.targetPct)} ± ${target.bandPp.toFixed(1)} pp · ${drift > target.bandPp ? `${points(drift - target.bandPp)} past its band` : "within its band"}`
        : hasLimits
          ? "No maximum on this value"
          : "No limit set";
  return (
    <article className={DIAL_CARD_CLASS} data-testid={`dial-${dimension}`} data-status={dialStatus}>
      <header className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">
          <Link
            href={`/exposures/${dimension}`}
            className="after:absolute after:inset-0 after:rounded-card hover:text-accent"
          >
            {label}
          </Link>
        </h3>
        <StatusBadge status={dialStatus} />
      </header>
      <div className="mt-2 flex shrink-0 justify-center">
        <Gauge
          valuePct={topPct}
          limitPct={dial.limitPct}
          band={target}
          status={gaugeStatus}
          display={formatPct(topPct)}
          label={`${label}: largest is ${topName} at ${formatPct(topPct)}${dial.limitPct !== null ? ` against a limit of ${formatPct(dial.limitPct)}` : ""}; ${label.toLowerCase()} status ${STATUS_WORD[dialStatus]}`}
        />
      </div>
      <p
        className="truncate text-center text-sm font-medium"
        title={top ? `${topName}: ${formatMoneyExact(top.exposureValue)}` : undefined}
        data-testid="dial-top"
      >
        {topName}
        {top && <span className="font-normal text-muted"> · {formatMoney(top.exposureValue)}</span>}
      </p>
      <p className="text-center text-xs text-muted">{limitLine}</p>
      <ol
        aria-label={`Largest ${label.toLowerCase()} exposures`}
        className="relative z-10 mt-3 divide-y divide-border border-t border-border"
      >
        {dial.values.slice(0, TOP_VALUES).map((value) => (
          <ValueRow key={value.dimensionValue} dimension={dimension} value={value} limits={limits} />
        ))}
      </ol>
      <p className="mt-auto pt-2 text-right text-xs text-accent" aria-hidden="true">
        {dial.values.length > TOP_VALUES ? `All ${dial.values.length} values →` : "Details →"}
      </p>
    </article>
  );
}

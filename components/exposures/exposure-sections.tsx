import Link from "next/link";
import { SectionBoundary } from "@/components/ui/section-boundary";
import { formatCount, formatDate, formatMoney, formatMoneyExact } from "@/lib/display/format";
import { DIMENSION_LABELS } from "@/lib/display/labels";
import { computeConcentration } from "@/lib/engine/concentration";
import { basisBuckets } from "@/lib/engine/limit-kinds";
import type { CapacityRow } from "@/lib/engine/scenario";
import { BASES, type Basis, type Dimension, UNKNOWN } from "@/lib/engine/types";
import type { LimitDto } from "@/lib/services/limits";
import type { RunDetail } from "@/lib/services/runs";
import { BASIS_WORDS, formatAmount, formatAmountExact } from "../limits/limit-rule";
import { ConcentrationCard } from "./concentration-card";
import { ExportLinks } from "./export-links";
import { ExposureChartCard } from "./exposure-chart-card";
import { buildExposureRows, flatMaximum } from "./exposure-rows";
import { ExposureTable } from "./exposure-table";
import { NoRun } from "./no-run";
import { StateMap } from "./state-map";
import { type SearchParams, type TableSort, withParams } from "./url-state";

/** Value, units or positions: links that keep the page's other settings (the basis lives in the URL). */
function BasisSwitch({ basis, params }: { basis: Basis; params: SearchParams }) {
  return (
    <nav aria-label="Count exposure in" data-testid="basis-switch" className="flex items-center gap-1 text-xs">
      <span className="text-muted">Counted in</span>
      {BASES.map((b) => (
        <Link
          key={b}
          href={withParams(params, { basis: b === "value" ? undefined : b, sort: undefined, dir: undefined })}
          aria-current={b === basis ? "page" : undefined}
          scroll={false}
          className={`rounded-md px-2 py-1 ${b === basis ? "bg-accent text-accent-fg" : "text-accent hover:bg-surface-2"}`}
        >
          {BASIS_WORDS[b]}
        </Link>
      ))}
    </nav>
  );
}

export interface ExposurePageData {
  run: RunDetail;
  limits: LimitDto[];
  /** Room under each maximum and gap to each minimum, from the current positions. */
  capacity: readonly CapacityRow[];
}

interface Props {
  dimension: Dimension;
  /** What the page counts in (?basis=): value (dollars), units or positions. */
  basis?: Basis;
  portfolio: string;
  /** The latest run and the limits (null before the first run), loading while the page streams. */
  data: Promise<ExposurePageData | null>;
  sort: TableSort;
  params: SearchParams;
}

/** Everything on the page that comes from the latest run: chart, concentration, map, table. */
export async function ExposureSections({ dimension, basis = "value", portfolio, data: loading, sort, params }: Props) {
  const data = await loading;
  if (!data) return <NoRun />;
  const { run } = data;
  // On units or positions the buckets are counted in them; share limits and capacity are in
  // dollars, so they show on the value basis only.
  const onValue = basis === "value";
  const exposures = onValue ? run.exposures : basisBuckets(run.exposures, basis);
  const limits = onValue ? data.limits : [];
  const capacity = onValue ? data.capacity : [];
  const rows = buildExposureRows(dimension, exposures, limits, capacity);
  const top = rows.find((r) => r.value !== UNKNOWN && r.positionCount > 0);
  const mine = exposures.filter((b) => b.dimensionType === dimension);
  const concentration = onValue
    ? run.concentration[dimension]
    : computeConcentration(
        mine,
        mine.reduce((sum, b) => sum + b.exposureValue, 0),
      );
  const total = mine.reduce((sum, b) => sum + b.exposureValue, 0);

  return (
    <div className="space-y-4" data-testid="exposure-sections">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted">
        <p data-testid="exposures-run">
          {DIMENSION_LABELS[dimension]} exposure as of <strong className="text-text">{formatDate(run.asOfDate)}</strong>{" "}
          · {formatCount(run.positionCount)} positions ·{" "}
          {onValue ? (
            <span title={formatMoneyExact(run.totalPortfolioValue)}>{formatMoney(run.totalPortfolioValue)}</span>
          ) : (
            <span title={formatAmountExact(basis, total)}>{formatAmount(basis, total)}</span>
          )}{" "}
          total
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <BasisSwitch basis={basis} params={params} />
          <ExportLinks runId={run.id} portfolio={portfolio} basis={basis} />
        </div>
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <SectionBoundary what="The chart">
          <ExposureChartCard
            dimension={dimension}
            rows={rows}
            flatLimitPct={flatMaximum(dimension, limits)}
            basis={basis}
          />
        </SectionBoundary>
        <SectionBoundary what="The concentration figures">
          <ConcentrationCard dimension={dimension} concentration={concentration} topValue={top?.value ?? null} />
        </SectionBoundary>
      </div>
      {(dimension === "state" || dimension === "region") && (
        <SectionBoundary what="The map">
          <StateMap rows={rows} by={dimension} />
        </SectionBoundary>
      )}
      <SectionBoundary what="The table">
        <ExposureTable
          dimension={dimension}
          basis={basis}
          rows={rows}
          sort={sort}
          params={params}
          asOfDate={run.asOfDate}
        />
      </SectionBoundary>
    </div>
  );
}

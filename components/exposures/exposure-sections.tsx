import { SectionBoundary } from "@/components/ui/section-boundary";
import { formatCount, formatDate, formatMoney, formatMoneyExact } from "@/lib/display/format";
import { DIMENSION_LABELS } from "@/lib/display/labels";
import type { CapacityRow } from "@/lib/engine/scenario";
import { type Dimension, UNKNOWN } from "@/lib/engine/types";
import type { LimitDto } from "@/lib/services/limits";
import type { RunDetail } from "@/lib/services/runs";
import { ConcentrationCard } from "./concentration-card";
import { ExportLinks } from "./export-links";
import { ExposureChartCard } from "./exposure-chart-card";
import { buildExposureRows, flatMaximum } from "./exposure-rows";
import { ExposureTable } from "./exposure-table";
import { NoRun } from "./no-run";
import { StateMap } from "./state-map";
import type { SearchParams, TableSort } from "./url-state";

export interface ExposurePageData {
  run: RunDetail;
  limits: LimitDto[];
  /** Room under each maximum and gap to each minimum, from the current positions. */
  capacity: readonly CapacityRow[];
}

interface Props {
  dimension: Dimension;
  portfolio: string;
  /** The latest run and the limits (null before the first run), loading while the page streams. */
  data: Promise<ExposurePageData | null>;
  sort: TableSort;
  params: SearchParams;
}

/** Everything on the page that comes from the latest run: chart, concentration, map, table. */
export async function ExposureSections({ dimension, portfolio, data: loading, sort, params }: Props) {
  const data = await loading;
  if (!data) return <NoRun />;
  const { run, limits, capacity } = data;
  const rows = buildExposureRows(dimension, run.exposures, limits, capacity);
  const top = rows.find((r) => r.value !== UNKNOWN && r.positionCount > 0);

  return (
    <div className="space-y-4" data-testid="exposure-sections">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted">
        <p data-testid="exposures-run">
          {DIMENSION_LABELS[dimension]} exposure as of <strong className="text-text">{formatDate(run.asOfDate)}</strong>{" "}
          · {formatCount(run.positionCount)} positions ·{" "}
          <span title={formatMoneyExact(run.totalPortfolioValue)}>{formatMoney(run.totalPortfolioValue)}</span> total
        </p>
        <ExportLinks runId={run.id} portfolio={portfolio} />
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <SectionBoundary what="The chart">
          <ExposureChartCard dimension={dimension} rows={rows} flatLimitPct={flatMaximum(dimension, limits)} />
        </SectionBoundary>
        <SectionBoundary what="The concentration figures">
          <ConcentrationCard
            dimension={dimension}
            concentration={run.concentration[dimension]}
            topValue={top?.value ?? null}
          />
        </SectionBoundary>
      </div>
      {dimension === "state" && (
        <SectionBoundary what="The map">
          <StateMap rows={rows} />
        </SectionBoundary>
      )}
      <SectionBoundary what="The table">
        <ExposureTable dimension={dimension} rows={rows} sort={sort} params={params} asOfDate={run.asOfDate} />
      </SectionBoundary>
    </div>
  );
}

import { Card } from "@/components/ui/card";
import { formatCount } from "@/lib/display/format";
import { DIMENSION_LABELS } from "@/lib/display/labels";
import { getCrossTab } from "@/lib/services/analysis";
import type { PortfolioContext } from "@/lib/services/context";
import { CrossTabForm } from "./crosstab-form";
import { CrossTabTable } from "./crosstab-table";
import type { CrossTabAxes, SearchParams } from "./url-state";

/** Value by two dimensions at once, from the stored positions; the axes live in the URL. */
export async function CrossTabSection({
  dimension,
  axes,
  params,
  ctx,
}: {
  dimension: string;
  axes: CrossTabAxes;
  params: SearchParams;
  ctx: PortfolioContext;
}) {
  const tab = await getCrossTab(ctx, axes.rows, axes.cols);
  // An empty book: the page's empty state already says what to do.
  if (tab.positionCount === 0) return null;
  return (
    <Card title="Cross-tab" id="cross-tab">
      <CrossTabForm dimension={dimension} axes={axes} params={params} />
      <p className="mb-3 text-xs text-muted" data-testid="crosstab-note">
        From the current positions ({formatCount(tab.positionCount)} as stored now), not from the latest run: an import
        since that run shows here first. Cells are shares of total value.
        {tab.otherRows + tab.otherColumns > 0 &&
          " The largest values get their own row or column; the rest add up under “Other”."}
      </p>
      <CrossTabTable
        tab={tab}
        label={`Share of total value by ${DIMENSION_LABELS[axes.rows]} (rows) and ${DIMENSION_LABELS[axes.cols]} (columns)`}
      />
    </Card>
  );
}

import { DIMENSIONS } from "@/lib/display/labels";
import { type Dimension, type Limit, UNKNOWN } from "@/lib/engine/types";
import { msaName } from "@/lib/reference/cbsa";
import type { PortfolioContext } from "@/lib/services/context";
import { listLimits } from "@/lib/services/limits";
import { listPositionFacets } from "@/lib/services/positions-facets";
import { ScenarioBuilder } from "./scenario-builder";

/**
 * The builder, handed what it needs to suggest and to label: the values the book holds, the active
 * limits, and the titles of just the MSAs the book and the limits name (not the whole CBSA list).
 */
export async function ScenarioSection({ ctx }: { ctx: PortfolioContext }) {
  const [facets, { items }] = await Promise.all([listPositionFacets(ctx), listLimits(ctx)]);
  const limits: Limit[] = items
    .filter((l) => l.isActive)
    .map(({ id, dimensionType, dimensionValue, thresholdPct, thresholdType, severityLevel, isActive }) => ({
      id,
      dimensionType,
      dimensionValue,
      thresholdPct,
      thresholdType,
      severityLevel,
      isActive,
    }));
  const bookValues = Object.fromEntries(
    DIMENSIONS.map((d) => [d, facets[d].map((f) => f.value).filter((v) => v !== UNKNOWN)]),
  ) as Record<Dimension, string[]>;
  const codes = new Set([
    ...bookValues.msa,
    ...limits.flatMap((l) => (l.dimensionType === "msa" && l.dimensionValue ? [l.dimensionValue] : [])),
  ]);
  const msaNames: Record<string, string> = {};
  for (const code of codes) {
    const title = msaName(code);
    if (title) msaNames[code] = title;
  }
  return <ScenarioBuilder portfolio={ctx.portfolio.slug} limits={limits} bookValues={bookValues} msaNames={msaNames} />;
}

import { hasRole } from "@/lib/auth/roles";
import { DIMENSIONS } from "@/lib/display/labels";
import { type Dimension, type Limit, UNKNOWN } from "@/lib/engine/types";
import { msaName } from "@/lib/reference/cbsa";
import type { PortfolioContext } from "@/lib/services/context";
import { listLimits } from "@/lib/services/limits";
import { listPositionFacets } from "@/lib/services/positions-facets";
import { viewShock, viewTrade } from "./scenario-state";
import { type SavedScenario, ScenarioWorkspace } from "./scenario-workspace";

/**
 * The builder, handed what it needs to suggest and to label: the values the book holds, the active
 * limits, and the titles of just the MSAs the book and the limits name (not the whole CBSA list).
 */
export async function ScenarioSection({
  ctx,
  saved = null,
}: {
  ctx: PortfolioContext;
  /** A saved scenario to open (its page), else a new one. */
  saved?: SavedScenario | null;
}) {
  const [facets, { items }] = await Promise.all([listPositionFacets(ctx), listLimits(ctx)]);
  const limits: Limit[] = items.filter((l) => l.isActive).map(({ createdAt: _c, updatedAt: _u, ...limit }) => limit);
  const bookValues = Object.fromEntries(
    DIMENSIONS.map((d) => [d, facets[d].map((f) => f.value).filter((v) => v !== UNKNOWN)]),
  ) as Record<Dimension, string[]>;
  const savedMsas = [
    ...(saved?.trades ?? []).map((t) => viewTrade(t)).flatMap((t) => (t.action === "buy" ? [t.position.msa_id] : [])),
    ...(saved?.shocks ?? [])
      .map((s) => viewShock(s))
      .flatMap((s) => (s.dimensionType === "msa" ? [s.dimensionValue] : [])),
  ].filter((code): code is string => typeof code === "string");
  const codes = new Set([
    ...bookValues.msa,
    ...savedMsas,
    ...limits.flatMap((l) => (l.dimensionType === "msa" && l.dimensionValue ? [l.dimensionValue] : [])),
  ]);
  const msaNames: Record<string, string> = {};
  for (const code of codes) {
    const title = msaName(code);
    if (title) msaNames[code] = title;
  }
  return (
    <ScenarioWorkspace
      // Another scenario starts its builder afresh; its own page keeps the builder (and its messages)
      // across the refresh a save or a commit makes.
      key={saved?.id ?? "new"}
      portfolio={ctx.portfolio.slug}
      limits={limits}
      bookValues={bookValues}
      msaNames={msaNames}
      saved={saved}
      canManage={ctx.actor !== null && hasRole(ctx.actor.role, "manager")}
    />
  );
}

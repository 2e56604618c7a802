import { getPrisma } from "../db/client";
import { type Dimension, UNKNOWN } from "../engine/types";
import type { PortfolioContext } from "./context";

// The values each dimension takes in the stored book: the positions table's filter choices.

export type PositionFacets = Record<Dimension, Array<{ value: string; count: number }>>;

interface FacetRow {
  strategy: string | null;
  state: string | null;
  msa_id: string | null;
  construction_type: string | null;
  rent_band: string | null;
  decade: number | null;
  dimension: Dimension;
  n: number;
}

// Facets scan the whole book (~90 ms at 100k positions on PGlite) but change only with an import,
// and every write to positions is an import batch: the newest batch (and the number of batches)
// identifies the book's version, so a cached answer is never stale.
const FACET_CACHE_SIZE = 16;
const facetCache = new Map<string, PositionFacets>();

async function bookVersion(portfolioId: string): Promise<string> {
  const prisma = await getPrisma();
  const [latest, batches] = await Promise.all([
    prisma.importBatch.findFirst({
      where: { portfolioId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    }),
    prisma.importBatch.count({ where: { portfolioId } }),
  ]);
  return `${portfolioId}:${batches}:${latest?.id ?? "none"}`;
}

/** The values each dimension takes in the stored book (for filter choices), most positions first. */
export async function listPositionFacets(ctx: PortfolioContext): Promise<PositionFacets> {
  const { portfolio } = ctx;
  const version = await bookVersion(portfolio.id);
  const cached = facetCache.get(version);
  if (cached) return cached;
  const facets = await computeFacets(portfolio.id);
  if (facetCache.size >= FACET_CACHE_SIZE) facetCache.delete(facetCache.keys().next().value ?? "");
  facetCache.set(version, facets);
  return facets;
}

async function computeFacets(portfolioId: string): Promise<PositionFacets> {
  const prisma = await getPrisma();
  // One scan for all six dimensions; GROUPING() tells which set a row belongs to, since the
  // grouped value itself may be null (the unknown bucket).
  const rows = await prisma.$queryRawUnsafe<FacetRow[]>(
    `SELECT strategy, state, msa_id, construction_type, rent_band, (vintage / 10) * 10 AS decade, count(*)::int AS n,
            CASE WHEN GROUPING(strategy) = 0 THEN 'strategy' WHEN GROUPING(state) = 0 THEN 'state'
                 WHEN GROUPING(msa_id) = 0 THEN 'msa' WHEN GROUPING(construction_type) = 0 THEN 'construction_type'
                 WHEN GROUPING(rent_band) = 0 THEN 'rent_band' ELSE 'vintage' END AS dimension
       FROM positions WHERE portfolio_id = $1::uuid
      GROUP BY GROUPING SETS ((strategy), (state), (msa_id), (construction_type), (rent_band), ((vintage / 10) * 10))`,
    portfolioId,
  );
  const facets: PositionFacets = {
    strategy: [],
    state: [],
    msa: [],
    vintage: [],
    construction_type: [],
    rent_band: [],
  };
  for (const r of rows) {
    const raw =
      r.dimension === "vintage"
        ? r.decade === null
          ? null
          : `${r.decade}s`
        : r[r.dimension === "msa" ? "msa_id" : r.dimension];
    facets[r.dimension].push({ value: raw ?? UNKNOWN, count: Number(r.n) });
  }
  for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return facets;
}

import { getPrisma } from "./db/client";
import { computeCrossTab, type CrossTab } from "./engine/crosstab";
import type { Dimension, Position } from "./engine/types";
import { getPortfolioOrThrow } from "./portfolios";

export interface CrossTabView extends CrossTab {
  portfolio: string;
  positionCount: number;
}

const COLUMN: Record<Dimension, string> = {
  strategy: "strategy",
  state: "state",
  msa: "msa_id",
  vintage: "vintage",
  construction_type: "construction_type",
  rent_band: "rent_band",
};

const FIELD: Record<Dimension, "strategy" | "state" | "msaId" | "vintage" | "constructionType" | "rentBand"> = {
  strategy: "strategy",
  state: "state",
  msa: "msaId",
  vintage: "vintage",
  construction_type: "constructionType",
  rent_band: "rentBand",
};

interface GroupRow {
  r: string | number | null;
  c: string | number | null;
  value: number;
  n: number;
}

const EMPTY: Position = {
  positionId: null,
  assetId: null,
  msaId: null,
  strategy: null,
  state: null,
  vintage: null,
  constructionType: null,
  rentBand: null,
  positionValue: 0,
  units: null,
};

function withAttribute(position: Position, dimension: Dimension, raw: string | number | null): Position {
  if (dimension === "vintage") return { ...position, vintage: raw === null ? null : Number(raw) };
  return { ...position, [FIELD[dimension]]: raw === null ? null : String(raw) };
}

/**
 * Value by two dimensions at once, from the stored positions (the current book), not from a run:
 * runs keep one dimension at a time. The database sums positions per pair of RAW attribute values
 * (a few hundred rows rather than every position: loading 100k positions takes seconds on the
 * embedded database and holds up every other query meanwhile); the engine then buckets those
 * sums exactly as it buckets positions (unknown, vintage by decade, the top-N cut).
 */
export async function getCrossTab(rowDimension: Dimension, columnDimension: Dimension, portfolioSlug?: string): Promise<CrossTabView> {
  const portfolio = await getPortfolioOrThrow(portfolioSlug);
  const prisma = await getPrisma();
  const groups = await prisma.$queryRawUnsafe<GroupRow[]>(
    `SELECT ${COLUMN[rowDimension]} AS r, ${COLUMN[columnDimension]} AS c,
            SUM(position_value)::float8 AS value, COUNT(*)::int AS n
       FROM positions WHERE portfolio_id = $1::uuid GROUP BY 1, 2`,
    portfolio.id,
  );
  const sums = groups.map((g) => withAttribute(withAttribute({ ...EMPTY, positionValue: Number(g.value) }, rowDimension, g.r), columnDimension, g.c));
  const positionCount = groups.reduce((sum, g) => sum + Number(g.n), 0);
  return { portfolio: portfolio.slug, positionCount, ...computeCrossTab(sums, rowDimension, columnDimension) };
}

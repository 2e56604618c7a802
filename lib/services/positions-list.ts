import { getPrisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { Tx } from "../db/tx";
import { normalizeDimensionValue } from "../engine/normalize";
import type { NcreifRegion } from "../engine/regions";
import type { Dimension, Position } from "../engine/types";
import { AppError } from "../errors";
import type { PositionSort, SortDirection } from "../schemas";
import type { PortfolioContext } from "./context";
import { DIMENSION_FIELD, regionStates } from "./position-columns";
import { snapshot } from "./snapshots";

// Reading the stored book for people: filtered, sorted, paged; and the values to filter by.

export interface PositionFilters {
  limit: number;
  /** Row id of the last position seen: the page starts after it, in the chosen order. */
  cursor?: number | undefined;
  /** Rows to skip (page numbers); after the cursor when both are given. */
  offset?: number | undefined;
  sort?: PositionSort | undefined;
  dir?: SortDirection | undefined;
  /** Case-insensitive substring of position_id or asset_id. */
  q?: string | undefined;
  filters?: Partial<Record<Dimension, string>>;
}

const SORT_COLUMN = {
  id: "id",
  position_id: "positionId",
  asset_id: "assetId",
  value: "positionValue",
  units: "units",
  ownership: "ownershipPct",
  ...DIMENSION_FIELD,
} as const satisfies Record<
  PositionSort,
  keyof Prisma.PositionWhereInput & keyof Prisma.PositionOrderByWithRelationInput
>;
type SortColumn = (typeof SORT_COLUMN)[PositionSort];
const NOT_NULL: ReadonlySet<SortColumn> = new Set(["id", "positionValue", "ownershipPct"]);

// Prisma's `contains` is a LIKE pattern and passes % and _ through as wildcards: a search for
// "P_1" must find that id only, so they (and the escape character) are escaped.
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function filterWhere(
  portfolioId: string,
  { filters, q }: Pick<PositionFilters, "filters" | "q">,
): Prisma.PositionWhereInput {
  const where: Prisma.PositionWhereInput = { portfolioId };
  if (q) {
    const contains = { contains: likeLiteral(q), mode: "insensitive" } as const;
    where.OR = [{ positionId: contains }, { assetId: contains }];
  }
  for (const [dimension, raw] of Object.entries(filters ?? {}) as Array<[Dimension, string | undefined]>) {
    if (raw === undefined) continue;
    const normalized = normalizeDimensionValue(dimension, raw);
    if (!normalized.ok)
      throw new AppError("invalid_input", `Filter ${dimension}: ${normalized.message}`, [
        { field: dimension, message: normalized.message },
      ]);
    const value = normalized.value === "unknown" ? null : normalized.value;
    if (dimension === "region") {
      // A region is its states; the unknown region is a missing state or one in no region (PR).
      const states = regionStates(normalized.value as NcreifRegion | "unknown");
      where.AND = [
        ...asArray(where.AND),
        value === null ? { OR: [{ state: null }, { state: { notIn: states } }] } : { state: { in: states } },
      ];
    } else if (dimension === "vintage") {
      const decade = value === null ? null : Number.parseInt(value, 10);
      where.vintage = decade === null ? null : { gte: decade, lt: decade + 10 };
    } else {
      where[DIMENSION_FIELD[dimension]] = value;
    }
  }
  return where;
}

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

// One condition on a column picked at run time; Prisma's types cannot follow a computed key.
const on = (column: SortColumn, condition: unknown) => ({ [column]: condition }) as Prisma.PositionWhereInput;

/**
 * Keyset: the rows after the cursor row in (column, id) order, missing values last in either
 * direction. A page costs the same at row 90,000 as at row 1.
 */
async function afterCursor(
  portfolioId: string,
  cursor: number,
  column: SortColumn,
  dir: SortDirection,
): Promise<Prisma.PositionWhereInput> {
  const past = dir === "asc" ? "gt" : "lt";
  if (column === "id") return { id: { [past]: cursor } };
  const prisma = await getPrisma();
  const row = await prisma.position.findFirst({ where: { id: cursor, portfolioId } });
  if (!row)
    throw new AppError(
      "invalid_input",
      "The cursor names a position that no longer exists; start from the first page.",
      [{ field: "cursor", message: "stale cursor" }],
    );
  const value = row[column];
  if (value === null) return { AND: [on(column, null), { id: { [past]: cursor } }] };
  const after = [on(column, { [past]: value }), { AND: [on(column, value), { id: { [past]: cursor } }] }];
  return { OR: NOT_NULL.has(column) ? after : [...after, on(column, null)] };
}

function orderOf(column: SortColumn, dir: SortDirection): Prisma.PositionOrderByWithRelationInput[] {
  if (column === "id") return [{ id: dir }];
  const first = NOT_NULL.has(column) ? { [column]: dir } : { [column]: { sort: dir, nulls: "last" } };
  return [first as Prisma.PositionOrderByWithRelationInput, { id: dir }];
}

/** The snapshot key of the count of the positions a query matches: its search and filters. */
function totalKey({ q, filters }: Pick<PositionFilters, "filters" | "q">): string {
  const set = Object.entries(filters ?? {}).filter(([, value]) => value !== undefined);
  return `positions-total:${JSON.stringify([q ?? "", set.sort(([a], [b]) => a.localeCompare(b))])}`;
}

export async function listPositions(ctx: PortfolioContext, query: PositionFilters) {
  const { portfolio } = ctx;
  const prisma = await getPrisma();
  const column = SORT_COLUMN[query.sort ?? "id"];
  const dir = query.dir ?? "asc";
  const where = filterWhere(portfolio.id, query);
  const keyset = query.cursor === undefined ? undefined : await afterCursor(portfolio.id, query.cursor, column, dir);
  const [rows, total] = await Promise.all([
    prisma.position.findMany({
      where: keyset ? { AND: [where, keyset] } : where,
      orderBy: orderOf(column, dir),
      skip: query.offset,
      take: query.limit + 1,
    }),
    // The count reads every matching row, the page at most offset + limit + 1 of them through an
    // index: the count is kept until the portfolio's data changes (lib/services/snapshots.ts).
    snapshot(ctx, totalKey(query), () => prisma.position.count({ where })).then((s) => s.value),
  ]);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(toPositionDto),
    total,
    nextCursor: rows.length > query.limit ? String(page[page.length - 1]?.id) : undefined,
  };
}

function toPositionDto(p: Prisma.PositionGetPayload<object>) {
  return {
    id: p.id,
    positionId: p.positionId,
    assetId: p.assetId,
    msaId: p.msaId,
    strategy: p.strategy,
    state: p.state,
    vintage: p.vintage,
    constructionType: p.constructionType,
    rentBand: p.rentBand,
    positionValue: p.positionValue.toNumber(),
    units: p.units,
    ownershipPct: p.ownershipPct.toNumber(),
    batchId: p.batchId,
    updatedAt: p.updatedAt.toISOString(),
  };
}

export type PositionDto = ReturnType<typeof toPositionDto>;
export type PositionPage = Awaited<ReturnType<typeof listPositions>>;

interface PositionRow {
  position_id: string | null;
  asset_id: string | null;
  msa_id: string | null;
  strategy: string | null;
  state: string | null;
  vintage: number | null;
  construction_type: string | null;
  rent_band: string | null;
  position_value: number;
  units: number | null;
  ownership_pct: number;
}

/**
 * Every stored position of a portfolio (or those with the given position_ids), in the engine's
 * shape (money as a number from here on).
 */
export function loadPositions(
  db: Pick<Tx, "$queryRawUnsafe">,
  portfolioId: string,
  positionIds?: readonly string[],
): Promise<Position[]> {
  return positionIds
    ? loadPositionsWhere(db, portfolioId, "position_id = ANY($2::text[])", [positionIds])
    : loadPositionsWhere(db, portfolioId, "true", []);
}

/** The stored positions of a portfolio that meet `condition` (SQL whose parameters start at $2). */
export async function loadPositionsWhere(
  db: Pick<Tx, "$queryRawUnsafe">,
  portfolioId: string,
  condition: string,
  params: readonly unknown[],
): Promise<Position[]> {
  const rows = await db.$queryRawUnsafe<PositionRow[]>(
    `SELECT position_id, asset_id, msa_id, strategy, state, vintage, construction_type, rent_band,
            position_value::float8 AS position_value, units, ownership_pct::float8 AS ownership_pct
       FROM positions WHERE portfolio_id = $1::uuid AND (${condition}) ORDER BY id`,
    portfolioId,
    ...params,
  );
  return rows.map((r) => ({
    positionId: r.position_id,
    assetId: r.asset_id,
    msaId: r.msa_id,
    strategy: r.strategy,
    state: r.state,
    vintage: r.vintage,
    constructionType: r.construction_type,
    rentBand: r.rent_band,
    positionValue: Number(r.position_value),
    units: r.units,
    ownershipPct: Number(r.ownership_pct),
  }));
}

export async function listImportBatches(ctx: PortfolioContext, limit = 50) {
  const prisma = await getPrisma();
  const batches = await prisma.importBatch.findMany({
    where: { portfolioId: ctx.portfolio.id },
    orderBy: { createdAt: "desc" },
    take: limit,
    include: { errors: { orderBy: { row: "asc" }, take: 100 } },
  });
  return batches.map((b) => ({
    id: b.id,
    mode: b.mode,
    onError: b.onError,
    format: b.format,
    sourceName: b.sourceName,
    received: b.received,
    imported: b.imported,
    rejectedCount: b.rejectedCount,
    createdAt: b.createdAt.toISOString(),
    errors: b.errors.map((e) => ({ row: e.row, field: e.field, message: e.message })),
  }));
}
export type ImportBatchDto = Awaited<ReturnType<typeof listImportBatches>>[number];

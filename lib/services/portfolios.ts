import type { Actor } from "../auth/roles";
import { getDb, getPrisma } from "../db/client";
import type { Tx } from "../db/tx";
import { AppError } from "../errors";
import { PORTFOLIO_SLUG, type PortfolioCreate } from "../schemas";
import type { PortfolioContext, PortfolioRef } from "./context";

/** Created by the migrations; every request without `?portfolio=` works on it. */
export const DEFAULT_PORTFOLIO = "default";

const SELECT = { id: true, slug: true, name: true } as const;

/** Every request resolves one (kept between writes on the embedded database: lib/db/memo.ts). */
async function findPortfolioWithVersion(slug: string) {
  if (!PORTFOLIO_SLUG.test(slug)) return null;
  const db = await getDb();
  return db.memo.get(
    `portfolio:${slug}`,
    () => db.prisma.portfolio.findUnique({ where: { slug }, select: { ...SELECT, dataVersion: true } }),
    (found) => found !== null,
  );
}

function unknownPortfolio(slug: string): AppError {
  return new AppError("not_found", `Portfolio "${slug}" does not exist`, [
    { field: "portfolio", message: "unknown portfolio" },
  ]);
}

/** The portfolio named by `?portfolio=` (default: the default one). A read: it never creates one. */
export async function getPortfolioOrThrow(slug: string = DEFAULT_PORTFOLIO): Promise<PortfolioRef> {
  const found = await findPortfolioWithVersion(slug);
  if (!found) throw unknownPortfolio(slug);
  return { id: found.id, slug: found.slug, name: found.name };
}

/** The context a portfolio service runs in; the edge calls this once per request. */
export async function portfolioContext(slug?: string, actor: Actor | null = null): Promise<PortfolioContext> {
  return { actor, portfolio: await getPortfolioOrThrow(slug) };
}

/**
 * As portfolioContext, for a request that only reads and answers at once (a GET of the REST API):
 * the portfolio's data version comes in the same lookup, which spares each snapshot read a query.
 */
export async function readOnlyPortfolioContext(
  slug: string = DEFAULT_PORTFOLIO,
  actor: Actor | null = null,
): Promise<PortfolioContext> {
  const found = await findPortfolioWithVersion(slug);
  if (!found) throw unknownPortfolio(slug);
  const { dataVersion, ...portfolio } = found;
  return { actor, portfolio, readVersion: dataVersion };
}

/** Every page's nav lists them (kept between writes on the embedded database). */
export async function listPortfolios(): Promise<PortfolioRef[]> {
  const db = await getDb();
  const list = await db.memo.get("portfolios", () =>
    db.prisma.portfolio.findMany({ select: SELECT, orderBy: { slug: "asc" } }),
  );
  return list.map((portfolio) => ({ ...portfolio }));
}

export async function createPortfolio(input: PortfolioCreate): Promise<PortfolioRef> {
  const prisma = await getPrisma();
  const existing = await prisma.portfolio.findUnique({ where: { slug: input.slug } });
  if (existing)
    throw new AppError("conflict", `Portfolio "${input.slug}" already exists`, [
      { field: "slug", message: "already exists" },
    ]);
  return prisma.portfolio.create({ data: input, select: SELECT });
}

/**
 * Serialises writers of one portfolio (imports, runs, limit changes, alert transitions) for the
 * rest of the transaction, so concurrent requests behave as if run one after the other, and bumps
 * the portfolio's data version in that transaction: the moment it commits, every instance's
 * snapshot cache (snapshots.ts) sees its cached reads of this portfolio as stale. Until then the
 * cached reads stay: they are what a reader may still see, so reads during an import or a run are
 * answered from memory.
 */
export async function lockPortfolio(tx: Pick<Tx, "$executeRaw">, portfolioId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${portfolioId}))`;
  await tx.$executeRaw`UPDATE portfolios SET data_version = data_version + 1 WHERE id = ${portfolioId}::uuid`;
}

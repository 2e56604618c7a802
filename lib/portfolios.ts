import { getPrisma } from "./db/client";
import type { PrismaClient } from "./db/generated/client";
import { AppError } from "./errors";
import { PORTFOLIO_SLUG } from "./schemas";

export const DEFAULT_PORTFOLIO = "default";

export interface PortfolioRef {
  id: string;
  slug: string;
  name: string;
}

type Tx = Pick<PrismaClient, "$executeRaw">;

/** The portfolio named by `?portfolio=`; the default one always exists (it is re-created if gone). */
export async function getPortfolioOrThrow(slug: string = DEFAULT_PORTFOLIO): Promise<PortfolioRef> {
  const prisma = await getPrisma();
  const select = { id: true, slug: true, name: true } as const;
  if (slug === DEFAULT_PORTFOLIO) {
    return prisma.portfolio.upsert({ where: { slug }, update: {}, create: { slug, name: "Default portfolio" }, select });
  }
  const found = PORTFOLIO_SLUG.test(slug) ? await prisma.portfolio.findUnique({ where: { slug }, select }) : null;
  if (!found) throw new AppError("not_found", `Portfolio "${slug}" does not exist`, [{ field: "portfolio", message: "unknown portfolio" }]);
  return found;
}

export async function listPortfolios(): Promise<PortfolioRef[]> {
  const prisma = await getPrisma();
  await getPortfolioOrThrow(DEFAULT_PORTFOLIO);
  return prisma.portfolio.findMany({ select: { id: true, slug: true, name: true }, orderBy: { slug: "asc" } });
}

export async function createPortfolio(input: { slug: string; name: string }): Promise<PortfolioRef> {
  const prisma = await getPrisma();
  const existing = await prisma.portfolio.findUnique({ where: { slug: input.slug } });
  if (existing) throw new AppError("conflict", `Portfolio "${input.slug}" already exists`, [{ field: "slug", message: "already exists" }]);
  return prisma.portfolio.create({ data: input, select: { id: true, slug: true, name: true } });
}

/**
 * Serialises writers of one portfolio (imports, runs, limit changes) for the rest of the
 * transaction, so concurrent requests behave as if run one after the other.
 */
export async function lockPortfolio(tx: Tx, portfolioId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${portfolioId}))`;
}

import type { Actor } from "../auth/roles";
import { getPrisma } from "../db/client";
import type { Tx } from "../db/tx";
import { AppError } from "../errors";
import { PORTFOLIO_SLUG, type PortfolioCreate } from "../schemas";
import type { PortfolioContext, PortfolioRef } from "./context";

/** Created by the migrations; every request without `?portfolio=` works on it. */
export const DEFAULT_PORTFOLIO = "default";

const SELECT = { id: true, slug: true, name: true } as const;

/** The portfolio named by `?portfolio=` (default: the default one). A read: it never creates one. */
export async function getPortfolioOrThrow(slug: string = DEFAULT_PORTFOLIO): Promise<PortfolioRef> {
  const prisma = await getPrisma();
  const found = PORTFOLIO_SLUG.test(slug)
    ? await prisma.portfolio.findUnique({ where: { slug }, select: SELECT })
    : null;
  if (!found)
    throw new AppError("not_found", `Portfolio "${slug}" does not exist`, [
      { field: "portfolio", message: "unknown portfolio" },
    ]);
  return found;
}

/** The context a portfolio service runs in; the edge calls this once per request. */
export async function portfolioContext(slug?: string, actor: Actor | null = null): Promise<PortfolioContext> {
  return { actor, portfolio: await getPortfolioOrThrow(slug) };
}

export async function listPortfolios(): Promise<PortfolioRef[]> {
  const prisma = await getPrisma();
  return prisma.portfolio.findMany({ select: SELECT, orderBy: { slug: "asc" } });
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
 * rest of the transaction, so concurrent requests behave as if run one after the other.
 */
export async function lockPortfolio(tx: Pick<Tx, "$executeRaw">, portfolioId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${portfolioId}))`;
}

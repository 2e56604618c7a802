import { getPrisma } from "../db/client";
import { AppError } from "../errors";
import type { PortfolioUpdate } from "../schemas";
import { audit } from "./audit";
import type { ActorContext } from "./context";
import { DEFAULT_PORTFOLIO, getPortfolioOrThrow, type PortfolioDto } from "./portfolios";

// An admin's changes to a portfolio itself (issue 12): its display name, and archiving. The slug
// never changes: URLs, the nav's cookie, API clients and notification links name a portfolio by it.
// Archiving keeps every row: the portfolio leaves the picker, the firm view and the scheduler (no
// scheduled recomputes or stale-data checks, and the daily digest leaves its alerts out), and the
// REST API still reads (and writes) it by its slug.

const SELECT = { id: true, slug: true, name: true, archivedAt: true } as const;

function toDto(row: { id: string; slug: string; name: string; archivedAt: Date | null }): PortfolioDto {
  return { ...row, archivedAt: row.archivedAt?.toISOString() ?? null };
}

/** The portfolio, archived or not (GET /api/portfolios/{slug}). */
export async function getPortfolioDto(slug: string): Promise<PortfolioDto> {
  const { id } = await getPortfolioOrThrow(slug);
  const prisma = await getPrisma();
  return toDto(await prisma.portfolio.findUniqueOrThrow({ where: { id }, select: SELECT }));
}

export async function renamePortfolio(ctx: ActorContext, slug: string, input: PortfolioUpdate): Promise<PortfolioDto> {
  const { id, name: from } = await getPortfolioOrThrow(slug);
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const row = await tx.portfolio.update({ where: { id }, data: { name: input.name }, select: SELECT });
    await audit(tx, ctx, "portfolio.renamed", { portfolioId: id, target: slug, details: { from, to: input.name } });
    return toDto(row);
  });
}

/** 409 for the default portfolio (every request without `?portfolio=` works on it) and for one already archived. */
export async function archivePortfolio(ctx: ActorContext, slug: string, now = new Date()): Promise<PortfolioDto> {
  const { id } = await getPortfolioOrThrow(slug);
  if (slug === DEFAULT_PORTFOLIO)
    throw new AppError(
      "conflict",
      "The default portfolio cannot be archived: every request without ?portfolio= works on it.",
    );
  return setArchived(ctx, id, slug, now);
}

/** 409 for a portfolio that is not archived. */
export async function unarchivePortfolio(ctx: ActorContext, slug: string): Promise<PortfolioDto> {
  const { id } = await getPortfolioOrThrow(slug);
  return setArchived(ctx, id, slug, null);
}

async function setArchived(ctx: ActorContext, id: string, slug: string, at: Date | null): Promise<PortfolioDto> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    // Conditional, so two admins pressing at once change it once and the second hears why.
    const changed = await tx.portfolio.updateMany({
      where: { id, archivedAt: at ? null : { not: null } },
      data: { archivedAt: at },
    });
    if (changed.count === 0)
      throw new AppError("conflict", `Portfolio "${slug}" is ${at ? "already archived" : "not archived"}.`);
    await audit(tx, ctx, at ? "portfolio.archived" : "portfolio.unarchived", { portfolioId: id, target: slug });
    return toDto(await tx.portfolio.findUniqueOrThrow({ where: { id }, select: SELECT }));
  });
}

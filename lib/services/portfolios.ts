import type { Actor } from "../auth/roles";
import { getDb, getPrisma } from "../db/client";
import type { Tx } from "../db/tx";
import { AppError } from "../errors";
import { PORTFOLIO_SLUG, type PortfolioCreate } from "../schemas";
import { audit } from "./audit";
import type { ActorContext, PortfolioContext, PortfolioRef } from "./context";

/** Created by the migrations; every request without `?portfolio=` works on it. */
export const DEFAULT_PORTFOLIO = "default";

const SELECT = { id: true, slug: true, name: true } as const;

/** A portfolio as the list and the admin's changes answer it: archivedAt null while it is active. */
export interface PortfolioDto extends PortfolioRef {
  archivedAt: string | null;
}

/** `active`: the nav's choice, where an archived portfolio has left the picker (the API still reads it). */
export interface LookupOptions {
  active?: boolean;
}

/** Every request resolves one (kept between writes on the embedded database: lib/db/memo.ts). */
async function findPortfolioWithVersion(slug: string) {
  if (!PORTFOLIO_SLUG.test(slug)) return null;
  const db = await getDb();
  const load = async () =>
    (
      await db.lookup<PortfolioRef & { dataVersion: number; archivedAt: Date | null }>(
        `SELECT id, slug, name, data_version AS "dataVersion", archived_at AS "archivedAt"
           FROM portfolios WHERE slug = $1`,
        [slug],
      )
    )[0] ?? null;
  return db.memo.get(`portfolio:${slug}`, load, (found) => found !== null);
}

async function findOrThrow(slug: string, options: LookupOptions) {
  const found = await findPortfolioWithVersion(slug);
  if (!found)
    throw new AppError("not_found", `Portfolio "${slug}" does not exist`, [
      { field: "portfolio", message: "unknown portfolio" },
    ]);
  if (options.active && found.archivedAt)
    throw new AppError("not_found", `Portfolio "${slug}" is archived`, [{ field: "portfolio", message: "archived" }]);
  return found;
}

/** The portfolio named by `?portfolio=` (default: the default one). A read: it never creates one. */
export async function getPortfolioOrThrow(
  slug: string = DEFAULT_PORTFOLIO,
  options: LookupOptions = {},
): Promise<PortfolioRef> {
  const found = await findOrThrow(slug, options);
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
  options: LookupOptions = {},
): Promise<PortfolioContext> {
  const { dataVersion, archivedAt: _archivedAt, ...portfolio } = await findOrThrow(slug, options);
  return { actor, portfolio, readVersion: dataVersion };
}

/**
 * The active portfolios (the nav's picker, the firm view), or with `archived` every one; kept
 * between writes on the embedded database.
 */
export async function listPortfolios(options: { archived?: boolean } = {}): Promise<PortfolioDto[]> {
  const db = await getDb();
  const list = await db.memo.get("portfolios", () =>
    db.prisma.portfolio.findMany({ select: { ...SELECT, archivedAt: true }, orderBy: { slug: "asc" } }),
  );
  return list
    .filter((p) => options.archived || p.archivedAt === null)
    .map((p) => ({ ...p, archivedAt: p.archivedAt?.toISOString() ?? null }));
}

/**
 * Audited (as "system" without an actor). The context comes second, unlike other services, so the many
 * test fixtures that create a portfolio as "system" keep their one-argument call.
 */
export async function createPortfolio(
  input: PortfolioCreate,
  ctx: ActorContext = { actor: null },
): Promise<PortfolioRef> {
  const prisma = await getPrisma();
  const existing = await prisma.portfolio.findUnique({ where: { slug: input.slug } });
  if (existing)
    throw new AppError("conflict", `Portfolio "${input.slug}" already exists`, [
      { field: "slug", message: "already exists" },
    ]);
  return prisma.$transaction(async (tx) => {
    const created = await tx.portfolio.create({ data: input, select: SELECT });
    await audit(tx, ctx, "portfolio.created", {
      portfolioId: created.id,
      target: created.slug,
      details: { name: created.name },
    });
    return created;
  });
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

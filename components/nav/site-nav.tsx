import Link from "next/link";
import { countOpenAlerts } from "@/lib/alerts";
import { isAppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { listPortfolios } from "@/lib/portfolios";
import { getRunOrThrow } from "@/lib/runs";
import { signOut } from "../auth/actions";
import { requirePageActor } from "../auth/guard";
import { currentPortfolio } from "../portfolio";
import { AlertBadge } from "./alert-badge";
import { NavLinks } from "./nav-links";
import { PortfolioSelect } from "./portfolio-select";

async function latestAsOf(portfolio: string): Promise<string | null> {
  try {
    return (await getRunOrThrow(undefined, portfolio)).asOfDate;
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") return null;
    throw error;
  }
}

/** Persistent nav: portfolio, as-of date of the latest run, open alerts (live). */
export async function SiteNav() {
  const [actor, portfolio] = await Promise.all([requirePageActor("viewer"), currentPortfolio()]);
  const [portfolios, asOf, alerts] = await Promise.all([listPortfolios(), latestAsOf(portfolio), countOpenAlerts(portfolio)]);
  return (
    <header className="border-b border-border bg-surface">
      <nav aria-label="Main" className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-base font-bold tracking-tight text-accent">
          aker<span className="text-text">·portfolio</span>
        </Link>
        <NavLinks admin={actor.role === "admin"} alertBadge={<AlertBadge portfolio={portfolio} initial={alerts} />} />
        <div className="ml-auto flex items-center gap-3 text-sm text-muted">
          <PortfolioSelect current={portfolio} options={portfolios} />
          <span data-testid="nav-as-of">
            As of <strong className="font-semibold text-text">{asOf ? formatDate(asOf) : "no run yet"}</strong>
          </span>
          <span data-testid="nav-user" title={actor.email}>
            {actor.name} · <span className="capitalize">{actor.role}</span>
          </span>
          {actor.via === "session" && (
            <form action={signOut}>
              <button type="submit" className="text-sm font-medium text-accent hover:underline">
                Sign out
              </button>
            </form>
          )}
        </div>
      </nav>
    </header>
  );
}

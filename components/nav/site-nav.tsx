import Link from "next/link";
import type { Actor } from "@/lib/auth/roles";
import { formatDate } from "@/lib/display/format";
import { countOpenAlerts } from "@/lib/services/alerts";
import type { PortfolioContext } from "@/lib/services/context";
import { listPortfolios } from "@/lib/services/portfolios";
import { findLatestRunSummary } from "@/lib/services/runs";
import { AlertBadge } from "./alert-badge";
import { NavLinks } from "./nav-links";
import { PortfolioSelect } from "./portfolio-select";
import { SignOutButton } from "./sign-out-button";

/** Persistent nav: portfolio, as-of date of the latest run, open alerts (live). */
export async function SiteNav({ ctx }: { ctx: PortfolioContext & { actor: Actor } }) {
  const { actor } = ctx;
  const portfolio = ctx.portfolio.slug;
  const [portfolios, latest, alerts] = await Promise.all([
    listPortfolios(),
    findLatestRunSummary(ctx),
    countOpenAlerts(ctx),
  ]);
  const asOf = latest?.asOfDate ?? null;
  return (
    <header className="border-b border-border bg-surface print:hidden">
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
          <Link href="/docs/api" className="text-text underline-offset-2 hover:underline">
            API
          </Link>
          <span data-testid="nav-user" title={actor.email}>
            <Link href="/profile" className="text-text underline-offset-2 hover:underline">
              {actor.name}
            </Link>{" "}
            · <span className="capitalize">{actor.role}</span>
          </span>
          {actor.via === "session" && <SignOutButton />}
        </div>
      </nav>
    </header>
  );
}

import { formatDateTime } from "@/lib/display/format";
import { DEFAULT_PORTFOLIO, listPortfolios } from "@/lib/services/portfolios";
import { Card } from "../ui/card";
import { ArchivePortfolio } from "./archive-portfolio";
import { tdClass, thClass } from "./form-field";
import { NewPortfolioForm } from "./new-portfolio-form";
import { PortfolioName } from "./portfolio-name";

export async function PortfoliosSection() {
  const portfolios = await listPortfolios({ archived: true });
  return (
    <Card title="Portfolios" id="portfolios">
      <p className="mb-3 text-sm text-muted">
        Each fund is a portfolio. Renaming changes the name people see; the slug stays, since links, the nav&apos;s
        choice and API clients use it. An archived portfolio leaves the picker, the firm view and the scheduler; its
        data stays and the REST API still reads it.
      </p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[40rem] text-sm" data-testid="portfolios-table">
          <caption className="sr-only">Portfolios</caption>
          <thead>
            <tr className="border-b border-border">
              {["Name", "Slug", "Status", ""].map((h, i) => (
                <th key={h || i} scope="col" className={thClass}>
                  {h || <span className="sr-only">Actions</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {portfolios.map((p) => (
              <tr
                key={p.id}
                data-testid="portfolio-row"
                data-slug={p.slug}
                className={`border-b border-border last:border-0 ${p.archivedAt ? "text-muted" : ""}`}
              >
                <td className={tdClass}>
                  <PortfolioName slug={p.slug} name={p.name} />
                </td>
                <th scope="row" className={`${tdClass} text-left font-mono text-xs font-normal`}>
                  {p.slug}
                </th>
                <td className={`${tdClass} whitespace-nowrap`} data-testid="portfolio-status">
                  {p.archivedAt ? (
                    <span>
                      <span aria-hidden="true">⊘ </span>Archived {formatDateTime(p.archivedAt)}
                    </span>
                  ) : (
                    <span>
                      <span aria-hidden="true">● </span>Active
                    </span>
                  )}
                </td>
                <td className={tdClass}>
                  {p.slug === DEFAULT_PORTFOLIO ? (
                    <span className="text-xs text-muted">The default portfolio cannot be archived.</span>
                  ) : (
                    <ArchivePortfolio slug={p.slug} name={p.name} archived={p.archivedAt !== null} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="mb-2 mt-6 text-sm font-semibold">New portfolio</h3>
      <NewPortfolioForm />
    </Card>
  );
}

import { formatCount, formatDate, formatDateTime, formatMoney, formatPct } from "@/lib/display/format";
import type { Report } from "@/lib/services/report";
import { OverviewTotals } from "../overview/overview-totals";

const sign = (value: number) => (value > 0 ? "+" : value < 0 ? "−" : "±");

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="flex flex-wrap gap-x-2 border-b border-border py-2 last:border-0">
      <dt className="w-56 shrink-0 text-muted">{label}</dt>
      <dd className="min-w-0 flex-1" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** The overview's totals for the report's run, then what the other sections come to. */
export function ReportSummary({ report }: { report: Report }) {
  const { run, previous, breaches } = report;
  const critical = breaches.filter((b) => b.severity === "critical").length;
  const change = previous ? run.totalPortfolioValue - previous.totalPortfolioValue : null;
  const relative =
    previous && previous.totalPortfolioValue > 0 && change !== null
      ? (change / previous.totalPortfolioValue) * 100
      : null;
  return (
    <>
      <OverviewTotals run={run} />
      <dl className="text-sm">
        <Fact label="Breaches of active limits" testId="summary-breaches">
          {breaches.length === 0
            ? "None"
            : `${formatCount(breaches.length)} (${formatCount(critical)} critical, ${formatCount(breaches.length - critical)} warning)`}
        </Fact>
        <Fact label="Previous quarter's run" testId="summary-previous">
          {previous ? (
            <>
              {formatDate(previous.asOfDate)}: {formatMoney(previous.totalPortfolioValue)},{" "}
              {formatCount(previous.positionCount)} positions
              {change !== null && (
                <span className="text-muted">
                  {" "}
                  · total value {sign(change)}
                  {formatMoney(Math.abs(change))}
                  {relative !== null && ` (${sign(relative)}${formatPct(Math.abs(relative))})`} since
                </span>
              )}
            </>
          ) : (
            `No run from the previous quarter (on or before ${formatDate(report.previousQuarterEnd)})`
          )}
        </Fact>
        <Fact label="Run computed">{formatDateTime(run.computedAt)}</Fact>
      </dl>
    </>
  );
}

import Link from "next/link";
import { formatDate } from "@/lib/display/format";
import type { PortfolioContext } from "@/lib/services/context";
import { getReport, REPORT_CHANGES, REPORT_TREND_RUNS } from "@/lib/services/report";
import { listRuns } from "@/lib/services/runs";
import { ExposureDials } from "../overview/exposure-dials";
import { Card } from "../ui/card";
import { SectionBoundary } from "../ui/section-boundary";
import { ReportBreaches } from "./report-breaches";
import { ReportChanges } from "./report-changes";
import { ReportControls } from "./report-controls";
import { ReportHeader } from "./report-header";
import { ReportSection } from "./report-section";
import { ReportSummary } from "./report-summary";
import { ReportTrends } from "./report-trends";

/**
 * The report on the run of `asOf` (the latest when absent): a header, then one section per printed
 * page. An as-of date the portfolio has no run for is said so, not replaced by another date.
 */
export async function ReportView({ ctx, asOf }: { ctx: PortfolioContext; asOf: string | undefined }) {
  const { items: runs } = await listRuns(ctx, {});
  const chosen = asOf === undefined ? runs[0] : runs.find((r) => r.asOfDate === asOf);
  const header = (shownAsOf: string | null) => (
    <ReportHeader
      portfolioName={ctx.portfolio.name}
      asOf={shownAsOf}
      generatedAt={new Date().toISOString()}
      controls={runs.length > 0 ? <ReportControls runs={runs} asOf={shownAsOf} /> : null}
    />
  );
  if (chosen === undefined)
    return (
      <>
        {header(null)}
        <Card>
          <p className="text-sm" data-testid="report-empty">
            {runs.length === 0 ? (
              <>
                This portfolio has no exposure runs yet: compute one from the{" "}
                <Link href="/" className="font-medium text-accent underline">
                  overview
                </Link>{" "}
                first.
              </>
            ) : (
              `There is no run as of ${asOf}: choose one of the portfolio's as-of dates above.`
            )}
          </p>
        </Card>
      </>
    );

  const report = await getReport(ctx, chosen.id);
  const { run, previous } = report;
  return (
    <>
      {header(run.asOfDate)}
      <ReportSection id="summary" title="Summary" first>
        <ReportSummary report={report} />
      </ReportSection>
      <ReportSection
        id="dials"
        title="Exposure by dimension"
        description="One dial per dimension, as on the overview: the largest value against its limit, then the five largest values, checked against today's active limits."
      >
        <SectionBoundary what="The exposure dials">
          <ExposureDials ctx={ctx} run={run} />
        </SectionBoundary>
      </ReportSection>
      <ReportSection
        id="breaches"
        title="Breaches"
        description={`Every breach of an active limit as of ${formatDate(run.asOfDate)}, with the limit's reference and note; days in breach count from the first run of the unbroken breach to this date.`}
      >
        <ReportBreaches breaches={report.breaches} />
      </ReportSection>
      <ReportSection
        id="changes"
        title="Largest changes since the previous quarter"
        description={
          previous
            ? `${report.changes.length < REPORT_CHANGES ? "Every move" : `The ${REPORT_CHANGES} largest moves`} in share of portfolio value, across every dimension, from the run of ${formatDate(previous.asOfDate)} to this one, largest first.`
            : undefined
        }
      >
        {previous ? (
          <ReportChanges changes={report.changes} />
        ) : (
          <p className="text-sm" data-testid="report-no-previous">
            No run from the previous quarter (on or before {formatDate(report.previousQuarterEnd)}).
          </p>
        )}
      </ReportSection>
      <ReportSection
        id="trends"
        title="Trend of the largest values"
        description={`Each dimension's largest value in this run, its share of portfolio value over ${
          report.trendRunCount >= REPORT_TREND_RUNS ? `the last ${REPORT_TREND_RUNS} runs` : "every run"
        } up to ${formatDate(run.asOfDate)}.`}
      >
        <ReportTrends trends={report.trends} />
      </ReportSection>
    </>
  );
}

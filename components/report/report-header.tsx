import type { ReactNode } from "react";
import { formatDate, formatDateTime } from "@/lib/display/format";

/** What a printed page must say on its own: whose report, as of when, and when it was made. */
export function ReportHeader({
  portfolioName,
  asOf,
  generatedAt,
  controls,
}: {
  portfolioName: string;
  asOf: string | null;
  generatedAt: string;
  controls: ReactNode;
}) {
  return (
    <header className="mb-6 flex flex-wrap items-end justify-between gap-3 border-b border-border pb-4">
      <div>
        <p className="text-sm font-medium text-muted">Investment committee report</p>
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="report-portfolio">
          {portfolioName}
        </h1>
        <p className="mt-1 text-sm">
          As of <strong data-testid="report-as-of">{asOf ? formatDate(asOf) : "—"}</strong>
          <span className="text-muted"> · generated {formatDateTime(generatedAt)}</span>
        </p>
      </div>
      {controls}
    </header>
  );
}

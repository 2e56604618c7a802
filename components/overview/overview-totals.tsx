import { formatCount, formatDate, formatDateTime, formatMoney, formatMoneyExact } from "@/lib/display/format";
import type { RunSummary } from "@/lib/services/runs";

/** Total value, position count and as-of date of the latest run. */
export function OverviewTotals({
  run,
}: {
  run: Pick<RunSummary, "totalPortfolioValue" | "positionCount" | "asOfDate" | "computedAt">;
}) {
  const tiles = [
    {
      label: "Total value",
      value: formatMoney(run.totalPortfolioValue),
      title: formatMoneyExact(run.totalPortfolioValue),
      testId: "total-value",
    },
    { label: "Positions", value: formatCount(run.positionCount), title: undefined, testId: "position-count" },
    {
      label: "As of",
      value: formatDate(run.asOfDate),
      title: `Computed ${formatDateTime(run.computedAt)}`,
      testId: "as-of",
    },
  ];
  return (
    <dl className="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-3">
      {tiles.map((t) => (
        <div
          key={t.label}
          className="h-[74px] rounded-card border border-border bg-surface px-4 py-3 shadow-sm print:shadow-none"
        >
          <dt className="text-xs font-medium text-muted">{t.label}</dt>
          <dd className="text-2xl font-semibold tabular-nums" title={t.title} data-testid={t.testId}>
            {t.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

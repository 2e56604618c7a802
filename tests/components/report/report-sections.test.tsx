import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, test } from "vitest";
import { sparklineMax } from "@/components/charts/share-sparkline";
import { ReportBreaches } from "@/components/report/report-breaches";
import { ReportChanges } from "@/components/report/report-changes";
import { ReportTrends } from "@/components/report/report-trends";
import type { ReportBreach } from "@/lib/services/report";

// The report's tables are server components without state: rendered from the service's shapes.
afterEach(cleanup);

const breach = (overrides: Partial<ReportBreach>): ReportBreach => ({
  limitId: "l1",
  kind: "share",
  basis: "value",
  dimensionType: "state",
  dimensionValue: "CA",
  exposurePct: 70,
  thresholdPct: 45,
  thresholdType: "maximum",
  severity: "critical",
  breachPct: 25,
  breachUnit: "pp",
  message: "Exposure threshold breached: state='CA' at 70.0% exceeds maximum of 45.0%",
  limitReference: "IPS §4.2",
  limitNote: "Board allows up to 45 % in California",
  breachSince: "2026-08-31",
  daysInBreach: 76,
  ...overrides,
});

describe("ReportBreaches", () => {
  test("each breach with its limit, reference, note and days in breach", () => {
    render(
      <ReportBreaches
        breaches={[
          breach({}),
          breach({
            limitId: "l2",
            kind: "hhi",
            dimensionType: "msa",
            dimensionValue: "*",
            severity: "warning",
            exposurePct: 5200,
            thresholdPct: 5000,
            breachPct: 200,
            breachUnit: "hhi",
            limitReference: null,
            limitNote: null,
            breachSince: "2026-11-15",
            daysInBreach: 1,
          }),
        ]}
      />,
    );
    const [first, second] = screen.getAllByTestId("report-breach-row");
    expect(first?.textContent).toBe(
      "⬤criticalState · CAIPS §4.270.0 %max 45.0 %+25.0 pp76 dayssince Aug 31, 2026Board allows up to 45 % in California",
    );
    expect(second?.textContent).toBe("▲warningMSA · Concentration (HHI)5,200max 5,0002001 daysince Nov 15, 2026—");
  });

  test("none: said so", () => {
    render(<ReportBreaches breaches={[]} />);
    expect(screen.getByTestId("report-no-breaches").textContent).toBe("No active limit is breached as of this date.");
  });
});

describe("ReportChanges", () => {
  test("share then and now with the amounts, the change in pp and in dollars", () => {
    render(
      <ReportChanges
        changes={[
          {
            dimensionType: "state",
            dimensionValue: "TX",
            beforePct: 45,
            afterPct: 30,
            deltaPp: -15,
            beforeValue: 450_000,
            afterValue: 300_000,
          },
        ]}
      />,
    );
    expect(screen.getByTestId("report-change-row").textContent).toBe("StateTX45.0 %$450K30.0 %$300K−15.0 pp−$150K");
  });
});

describe("ReportTrends", () => {
  test("a chart per value and a table with a row per as-of date", () => {
    render(
      <ReportTrends
        trends={[
          {
            dimensionType: "state",
            dimensionValue: "CA",
            points: [
              { asOfDate: "2026-06-30", exposurePct: 40, exposureValue: 400, totalPortfolioValue: 1000 },
              { asOfDate: "2026-08-31", exposurePct: 50, exposureValue: 500, totalPortfolioValue: 1000 },
            ],
          },
          {
            dimensionType: "strategy",
            dimensionValue: "core",
            points: [{ asOfDate: "2026-08-31", exposurePct: 50, exposureValue: 500, totalPortfolioValue: 1000 }],
          },
        ]}
      />,
    );
    expect(screen.getAllByTestId("report-trend-chart")).toHaveLength(2);
    // Each chart's name says what it shows and where it went; the table has every point.
    expect(
      screen.getByRole("img", {
        name: "State: CA, share of portfolio value over time: 40.0 % on Jun 30, 2026 to 50.0 % on Aug 31, 2026; each run is in the table below",
      }),
    ).toBeTruthy();
    expect(
      screen.getByRole("img", {
        name: "Strategy: Core, share of portfolio value over time: 50.0 % on Aug 31, 2026; each run is in the table below",
      }),
    ).toBeTruthy();
    const rows = within(screen.getByTestId("report-trends-table")).getAllByRole("row");
    expect(rows.map((r) => r.textContent)).toEqual([
      "As ofStateCAStrategyCore",
      "Jun 30, 202640.0 %—",
      "Aug 31, 202650.0 %50.0 %",
    ]);
  });

  test("the chart's axis: the highest point rounded up, never over 100", () => {
    const at = (exposurePct: number) => [{ asOfDate: "2026-01-31", exposurePct }];
    expect([0, 3, 12.5, 50, 51, 97].map((pct) => sparklineMax(at(pct)))).toEqual([5, 5, 15, 50, 60, 100]);
  });
});

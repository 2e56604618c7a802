import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, test } from "vitest";
import { DialCard } from "@/components/overview/dial-card";
import { buildDials } from "@/lib/engine/dashboard";
import { computeExposures } from "@/lib/engine/exposures";
import type { Limit } from "@/lib/engine/types";
import { limit, position } from "@/tests/support/engine-fixtures";

// The card is a server component without state: rendered from the engine's dial, no database.
afterEach(cleanup);

// MSA: Dallas $600K (150 units), Los Angeles $400K (100 units): a $1M book.
const result = computeExposures([
  position({ msaId: "19100", positionValue: 600_000, units: 150 }),
  position({ msaId: "31080", positionValue: 400_000, units: 100 }),
]);
const onMsa = (overrides: Partial<Limit>) => limit({ dimensionType: "msa", thresholdPct: null, ...overrides });

function renderMsaDial(limits: Limit[]) {
  const dial = buildDials(result, limits).find((d) => d.dimensionType === "msa");
  if (!dial) throw new Error("no msa dial");
  render(<DialCard dial={dial} limits={limits} />);
  return screen.getByTestId("dial-msa");
}

describe("DialCard: rules beyond shares of value", () => {
  test("an amount cap is the gauge's tick, at the share of the book it is, said both ways", () => {
    const card = renderMsaDial([onMsa({ kind: "amount", thresholdAmount: 500_000 })]);
    expect(card.textContent).toContain("Limit $500.0K (≈ 50.0 %) · over by $100.0K");
    expect(card.textContent).not.toContain("No maximum on this value");
    expect(within(card).getAllByTestId("gauge-limit")).toHaveLength(1);
    expect(within(card).getByRole("img").getAttribute("aria-label")).toBe(
      "MSA: largest is Dallas-Fort Worth-Arlington, TX at 60.0 % against a cap of $500.0K, about 50.0 % of the portfolio; msa status breach",
    );
    expect(within(card).queryByTestId("dial-rules")).toBeNull();
  });

  test("rules without a mark: one line each in its own unit, a badge when past, the rest as +N more", () => {
    const card = renderMsaDial([
      onMsa({ id: "hhi", kind: "hhi", thresholdHhi: 6_000 }),
      onMsa({ id: "count", kind: "count", thresholdType: "minimum", thresholdCount: 3 }),
      onMsa({ id: "doors", kind: "amount", basis: "units", thresholdAmount: 140 }),
    ]);
    expect(card.textContent).not.toContain("No maximum on this value");
    expect(within(card).queryByTestId("gauge-limit")).toBeNull();
    const lines = within(card).getAllByTestId("dial-rule");
    expect(lines.map((l) => [l.textContent, l.dataset.status])).toEqual([
      ["2 values · min 3 ✕Breach", "breach"],
      ["Dallas-Fort Worth-Arlington, TX 150 units · max 140 units ✕Breach", "breach"],
    ]);
    const more = within(card).getByTestId("dial-more-rules");
    expect(more.textContent).toBe("+1 more limit");
    expect(more.getAttribute("title")).toBe("HHI 5,200 · max 6,000");
  });

  test("a value's tooltip reads each of its rules in its own words, not the dimension's", () => {
    const card = renderMsaDial([
      onMsa({ kind: "amount", thresholdAmount: 500_000, severityLevel: "critical" }),
      onMsa({ kind: "share", basis: "units", thresholdPct: 70 }),
      onMsa({ kind: "count", thresholdType: "minimum", thresholdCount: 3 }),
    ]);
    const dallas = within(card).getByText("Dallas-Fort Worth-Arlington, TX", { selector: "ol span" });
    expect(dallas.getAttribute("title")).toBe(
      "Dallas-Fort Worth-Arlington, TX: $600,000.00, 1 positions; at most $500.0K (critical), at most 70.0 % of units (warning)",
    );
  });

  test("only share limits, none a maximum on the top value: as before", () => {
    const card = renderMsaDial([onMsa({ thresholdType: "minimum", thresholdPct: 10 })]);
    expect(card.textContent).toContain("No maximum on this value");
    expect(within(card).queryByTestId("dial-rules")).toBeNull();
    expect(within(card).queryByTestId("dial-more-rules")).toBeNull();
  });
});

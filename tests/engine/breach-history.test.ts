import { describe, expect, test } from "vitest";
import {
  type BreachKey,
  breachSeries,
  type DatedExposures,
  dateBreaches,
  daysBetween,
  startDating,
} from "@/lib/engine/breach-history";
import { computeExposures } from "@/lib/engine/exposures";
import { limit, position } from "@/tests/support/engine-fixtures";

// In breach since (issue 11): the first as-of date of the unbroken run of breaching snapshots that
// ends at the latest one.

/** A month-end snapshot where value_add is `pct` % of a $100 book. */
const month = (asOfDate: string, pct: number): DatedExposures => ({
  asOfDate,
  exposures: computeExposures([
    position({ positionId: "VA", strategy: "value_add", positionValue: pct }),
    position({ positionId: "CO", strategy: "core", positionValue: 100 - pct }),
  ]).exposures,
});

const cap30: BreachKey = { limit: limit({ thresholdPct: 30 }), dimensionValue: "value_add" };
const atLeastThree: BreachKey = {
  limit: limit({ id: "L2", kind: "count", thresholdType: "minimum", thresholdPct: null, thresholdCount: 3 }),
  dimensionValue: "*",
};

const dated = (keys: BreachKey[], newestFirst: DatedExposures[]) =>
  dateBreaches(keys, startDating(keys), newestFirst).since;

describe("dateBreaches: the start of the unbroken breaching stretch ending at the latest snapshot", () => {
  test.each([
    {
      label: "breaching in the last three of five months",
      history: [25, 28, 31, 40, 35],
      since: "2025-03-31",
    },
    { label: "breaching in every month", history: [31, 32, 33, 34, 35], since: "2025-01-31" },
    { label: "only the latest month", history: [10, 10, 10, 10, 31], since: "2025-05-31" },
    { label: "a gap: the stretch starts after it", history: [40, 40, 20, 40, 40], since: "2025-04-30" },
    { label: "exactly on the line is not a breach", history: [40, 30, 40, 40, 40], since: "2025-03-31" },
    { label: "the latest month within: no breach to date", history: [40, 40, 40, 40, 30], since: null },
  ])("$label", ({ history, since }) => {
    const dates = ["2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30", "2025-05-31"];
    const newestFirst = history.map((pct, i) => month(dates[i] as string, pct)).reverse();
    expect(dated([cap30], newestFirst)).toEqual([since]);
  });

  test("a dimension-wide limit is dated under its value `*`", () => {
    expect(dated([atLeastThree], [month("2025-02-28", 40), month("2025-01-31", 40)])).toEqual(["2025-01-31"]);
  });

  test("page by page gives the same dates as all at once, and stops when nothing is pending", () => {
    const newestFirst = [month("2025-04-30", 40), month("2025-03-31", 40), month("2025-02-28", 10)];
    const keys = [cap30, atLeastThree];
    let dating = startDating(keys);
    dating = dateBreaches(keys, dating, newestFirst.slice(0, 1));
    expect(dating.pending).toEqual([0, 1]);
    dating = dateBreaches(keys, dating, newestFirst.slice(1));
    expect(dating.since).toEqual(["2025-03-31", "2025-02-28"]);
    expect(dating.pending).toEqual([1]);
    expect(dated(keys, newestFirst)).toEqual(dating.since);
  });

  test("no snapshots: nothing is dated", () => {
    expect(dated([cap30], [])).toEqual([null]);
  });
});

describe("daysBetween", () => {
  test.each([
    ["2025-03-31", "2025-03-31", 0],
    ["2025-03-31", "2025-04-01", 1],
    ["2024-02-28", "2024-03-01", 2],
    ["2025-07-31", "2025-11-30", 122],
    ["2025-05-01", "2025-04-01", 0],
  ])("%s to %s is %i days", (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe("breachSeries: what the limit measured at each snapshot, for the alert's chart", () => {
  test("a share, month by month, against its line; a value absent from a snapshot measures 0", () => {
    const absent: DatedExposures = {
      asOfDate: "2025-03-31",
      exposures: computeExposures([position({ strategy: "core" })]).exposures,
    };
    expect(breachSeries(cap30, [month("2025-01-31", 25), month("2025-02-28", 40), absent])).toEqual([
      { asOfDate: "2025-01-31", measure: 25, line: 30, breached: false },
      { asOfDate: "2025-02-28", measure: 40, line: 30, breached: true },
      { asOfDate: "2025-03-31", measure: 0, line: 30, breached: false },
    ]);
  });

  test("a dimension-wide count, in values", () => {
    expect(breachSeries(atLeastThree, [month("2025-01-31", 40)])).toEqual([
      { asOfDate: "2025-01-31", measure: 2, line: 3, breached: true },
    ]);
  });
});

import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import { getPrisma } from "@/lib/db/client";
import { computeExposures } from "@/lib/engine/exposures";
import { importPositions } from "@/lib/services/positions-import";
import { loadPositions } from "@/lib/services/positions-list";
import { getRunOrThrow } from "@/lib/services/runs";
import { computeRun } from "@/lib/services/runs-compute";
import { withTestDatabase } from "../support/db";
import { csvOf, freshPortfolio } from "../support/fixtures";

// Property: a stored run, summed by the database and bucketed by the engine, is the run the engine
// computes over the same positions one by one: every bucket to the cent (its owned units to the
// hundredth), every count and share the same number, and the total the exact sum of the imported
// amounts' owned shares.

withTestDatabase();

let cases = 0;
afterAll(() => console.log(`stored run vs engine: ${cases} books computed`));

// Blank cells become missing attributes (the unknown bucket); "unknown" spelled out joins it.
const attribute = (...values: string[]) => fc.constantFrom("", ...values);
const attributes = fc.record({
  strategy: attribute("core", "Value_Add", "value_add", "opportunistic", "unknown"),
  state: attribute("CA", "tx", "NY", "PR"),
  msa_id: attribute("12420", "31080", "35620"),
  // Decade edges, the first allowed year and the last allowed next to this year.
  vintage: attribute("1800", "1899", "1900", "1909", "1910", "1987", "2020", "2029"),
  construction_type: attribute("garden", "mid_rise", "high_rise"),
  rent_band: attribute("workforce", "luxury"),
  // Joint ventures: blank is wholly owned; shares that round a cent half up, the smallest share.
  ownership_pct: attribute("100", "50", "33.3333", "0.0001", "12.5%", "99.9999"),
  // Blank is no units (the unknown bucket on the units basis); 0 is units all the same.
  units: attribute("0", "1", "7", "250", "2147483647"),
});

const cents = fc.oneof(
  fc.constantFrom(1n, 99_999_999_999_999n, 100_000_000n, 123_456n, 3_333n),
  fc.bigInt({ min: 1n, max: 99_999_999_999_999n }),
  fc.bigInt({ min: 1n, max: 10_000n }),
);
/** The fund's share in cents, rounded half up: what both the database and the engine must add. */
function owned(amount: bigint, ownership: string): bigint {
  const share = BigInt(Math.round(Number((ownership || "100").replace("%", "")) * 1e4));
  return (amount * share + 500_000n) / 1_000_000n;
}
const money = (amount: bigint) => `${amount / 100n}.${String(amount % 100n).padStart(2, "0")}`;

const row = fc.record({ attributes, cents });
// Independent rows, many positions of one value, or a single position.
const book = fc.oneof(
  fc.array(row, { minLength: 1, maxLength: 60 }),
  fc
    .tuple(cents, fc.array(attributes, { minLength: 2, maxLength: 60 }))
    .map(([amount, all]) => all.map((a) => ({ attributes: a, cents: amount }))),
  row.map((r) => [r]),
);

describe("computeRun over stored positions", () => {
  test("equals computeExposures over the same positions, to the cent", async () => {
    await fc.assert(
      fc.asyncProperty(book, async (rows) => {
        cases += 1;
        const ctx = await freshPortfolio();
        const csv = csvOf(rows.map((r) => ({ ...r.attributes, position_value: money(r.cents) })));
        await importPositions(ctx, { format: "csv", data: csv }, { mode: "replace", onError: "reject" });

        const run = await computeRun(ctx, { asOfDate: "2025-06-30" });
        const expected = computeExposures(await loadPositions(await getPrisma(), ctx.portfolio.id));

        expect(run.positionCount).toBe(rows.length);
        expect(run.totalPortfolioValue.toFixed(2)).toBe(
          money(rows.reduce((sum, r) => sum + owned(r.cents, r.attributes.ownership_pct), 0n)),
        );
        expect(run.totalPortfolioValue).toBe(expected.totalPortfolioValue);
        expect(run.exposures).toEqual(expected.exposures);
        // Every dimension holds each position once: its buckets add up to the book's owned units.
        const withUnits = rows.filter((r) => r.attributes.units !== "");
        const strategy = run.exposures.filter((e) => e.dimensionType === "strategy");
        expect(strategy.reduce((sum, e) => sum + e.unitsCount, 0)).toBe(withUnits.length);
        expect(strategy.reduce((sum, e) => sum + BigInt(Math.round(e.exposureUnits * 100)), 0n)).toBe(
          withUnits.reduce((sum, r) => sum + owned(BigInt(r.attributes.units) * 100n, r.attributes.ownership_pct), 0n),
        );
        expect(run.concentration).toEqual(expected.concentration);
        const stored = await getRunOrThrow(ctx, run.id);
        expect(stored.exposures).toEqual(run.exposures);
      }),
      { numRuns: 40 },
    );
  });
});

import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import { getPrisma } from "@/lib/db/client";
import { normalizeDimensionValue } from "@/lib/engine/normalize";
import { evaluateScenario, parseShocks, parseTrades } from "@/lib/engine/scenario";
import { limitCreateSchema } from "@/lib/schemas";
import { activeLimits, createLimit } from "@/lib/services/limits";
import { importPositions } from "@/lib/services/positions-import";
import { loadPositions } from "@/lib/services/positions-list";
import { evaluateTrades } from "@/lib/services/scenarios";
import { withTestDatabase } from "../support/db";
import { csvOf, freshPortfolio } from "../support/fixtures";

// Property: the REST API's what-if, which reads the run's sums and only the stored positions the
// trades name and the shocks move (the shocks' buckets as SQL conditions), is the engine's what-if
// over every stored position, exactly: unknown buckets (blank, or spelled "unknown"), decade edges.

withTestDatabase();

let cases = 0;
afterAll(() => console.log(`what-if from sums vs every position: ${cases} books evaluated`));

const attribute = (...values: string[]) => fc.constantFrom("", ...values);
const attributes = fc.record({
  strategy: attribute("core", "Value_Add", "unknown"),
  state: attribute("CA", "tx", "PR"),
  msa_id: attribute("12420", "31080"),
  vintage: attribute("1969", "1970", "1979", "1980", "2020"),
  construction_type: attribute("garden", "unknown"),
  rent_band: attribute("workforce"),
  position_value: fc.integer({ min: 1, max: 9_999_999_99 }).map((c) => (c / 100).toFixed(2)),
});

// Each dimension with the values its shocks name: real ones, the unknown bucket, every known value.
const VALUES: Record<string, Array<string | null>> = {
  strategy: ["core", "value_add", "unknown", null],
  state: ["TX", "CA", "unknown", null],
  msa: ["12420", "unknown", null],
  vintage: ["1970s", "1960s", "1980s", "unknown", null],
  construction_type: ["garden", "unknown", null],
  rent_band: ["workforce", "unknown", null],
};
const shock = fc.constantFrom(...Object.keys(VALUES)).chain((dimensionType) =>
  fc.record({
    dimensionType: fc.constant(dimensionType),
    dimensionValue: fc.constantFrom(...(VALUES[dimensionType] ?? [null])),
    valueChangePct: fc.constantFrom(-20, -33.333, 12.5, 150),
  }),
);

describe("evaluateTrades over stored positions", () => {
  test("equals evaluateScenario over every stored position, for trades and shocks", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(attributes, { minLength: 1, maxLength: 25 }),
        fc.array(shock, { minLength: 1, maxLength: 3 }),
        async (rows, rawShocks) => {
          const ctx = await freshPortfolio();
          const csv = csvOf(rows.map((r, i) => ({ position_id: `P${i}`, ...r })));
          await importPositions(ctx, { format: "csv", data: csv }, { mode: "replace", onError: "reject" });
          await createLimit(
            ctx,
            limitCreateSchema.parse({
              dimensionType: "state",
              dimensionValue: null,
              thresholdPct: 40,
              thresholdType: "maximum",
              severityLevel: "warning",
              isActive: true,
            }),
          );
          const shocks = rawShocks;
          const trades = [
            { action: "sell", positionId: "P0", value: null },
            { action: "buy", position: { position_id: "N1", state: "TX", vintage: 1975, position_value: "1234.56" } },
          ];
          cases += 1;
          const answer = await evaluateTrades(ctx, { trades, shocks });
          const prisma = await getPrisma();
          const parsedTrades = parseTrades(trades);
          const parsedShocks = parseShocks(shocks, normalizeDimensionValue);
          if (!parsedTrades.ok || !parsedShocks.ok) throw new Error("the test's own trades or shocks are invalid");
          const expected = evaluateScenario(
            await loadPositions(prisma, ctx.portfolio.id),
            parsedTrades.value,
            parsedShocks.value,
            await activeLimits(prisma, ctx.portfolio.id),
          );
          expect(expected.ok && expected.value).toEqual(answer);
        },
      ),
      { numRuns: 40 },
    );
  });
});

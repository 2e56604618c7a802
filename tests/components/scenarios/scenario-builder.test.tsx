import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { ScenarioBuilder } from "@/components/scenarios/scenario-builder";
import type { ScenarioState } from "@/components/scenarios/scenario-state";
import type { ScenarioEvaluation } from "@/lib/engine/scenario";
import type { Limit } from "@/lib/engine/types";
import type { PortfolioContext } from "@/lib/services/context";
import { createLimit } from "@/lib/services/limits";
import { importPositions } from "@/lib/services/positions-import";
import { withTestDatabase } from "../../support/db";
import { csvOf, freshPortfolio, limitOf } from "../../support/fixtures";
import { fillJsdomGaps, type RouteServer, servePageFrom, startRouteServer } from "../../support/route-server";
import { userWithToken } from "../../support/seed";

// The builder asks the REAL route handlers (evaluate, max-acquisition, the position and MSA
// searches) over HTTP, on a real database; only the browser is jsdom.

fillJsdomGaps();
withTestDatabase();

// $1,000,000: value_add 40 %, TX 50 %.
const BOOK = csvOf([
  { position_id: "P1", strategy: "core", state: "TX", msa_id: "19100", position_value: 400_000 },
  { position_id: "P2", strategy: "value_add", state: "TX", msa_id: "19100", position_value: 100_000 },
  { position_id: "P3", strategy: "value_add", state: "CA", msa_id: "31080", position_value: 300_000 },
  { position_id: "P4", strategy: "core_plus", state: "NY", msa_id: "35620", position_value: 200_000 },
]);

let server: RouteServer;
let ctx: PortfolioContext;
let limits: Limit[];
let queryClient: QueryClient;

beforeAll(async () => {
  const manager = await userWithToken("manager");
  server = await startRouteServer(manager.token);
  servePageFrom(server, "/scenarios");
  ctx = await freshPortfolio();
  await importPositions(ctx, { format: "csv", data: BOOK }, { mode: "replace", onError: "reject" });
  limits = [
    await createLimit(
      ctx,
      limitOf({ dimensionType: "strategy", dimensionValue: "value_add", thresholdPct: 50, severityLevel: "critical" }),
    ),
  ];
});

afterEach(() => {
  cleanup();
  queryClient.clear();
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await server.close();
});

const BUY = {
  action: "buy",
  position: { position_id: "N1", strategy: "value_add", state: "AZ", msa_id: "38060", position_value: 500_000 },
};

function renderBuilder(props: {
  initialTrades?: unknown[];
  actions?: (state: ScenarioState, evaluation: ScenarioEvaluation | null) => ReactNode;
}) {
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <ScenarioBuilder
        portfolio={ctx.portfolio.slug}
        limits={limits}
        bookValues={{
          strategy: ["core"],
          state: ["TX"],
          msa: [],
          vintage: [],
          construction_type: [],
          rent_band: [],
          region: [],
        }}
        msaNames={{ "19100": "Dallas-Fort Worth-Arlington, TX" }}
        {...props}
      />
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

const verdictOf = () => screen.getByTestId("verdict").getAttribute("data-verdict");
const SLOW = { timeout: 5000 };

describe("ScenarioBuilder", () => {
  test("an initial scenario is evaluated at once; the actions slot gets the state and its evaluation", async () => {
    const seen: Array<[ScenarioState, ScenarioEvaluation | null]> = [];
    renderBuilder({
      initialTrades: [BUY],
      actions: (state, evaluation) => {
        seen.push([state, evaluation]);
        return <span data-testid="slot">{evaluation ? evaluation.verdict : "none"}</span>;
      },
    });
    expect(screen.getByTestId("slot").textContent).toBe("none");
    await waitFor(() => expect(verdictOf()).toBe("critical"), SLOW);
    expect(screen.getByTestId("verdict").textContent).toContain("1 new breach.");
    expect(screen.getByTestId("slot").textContent).toBe("critical");
    const [state, evaluation] = seen.at(-1) ?? [];
    expect(state).toEqual({ trades: [BUY], shocks: [] });
    expect(evaluation?.after.totalPortfolioValue).toBe(1_500_000);
    const row = screen.getAllByTestId("breach-row")[0];
    expect(row?.getAttribute("data-change")).toBe("new");
    expect(row?.textContent).toContain("Value add");
  });

  test("editing an amount in place asks again; a bad one is a 422 shown beside its trade", async () => {
    const user = renderBuilder({ initialTrades: [BUY] });
    await waitFor(() => expect(verdictOf()).toBe("critical"), SLOW);
    const value = screen.getByLabelText("Value ($) of trade 1 (buy N1)");
    await user.clear(value);
    await user.type(value, "100000");
    // value_add 500,000 of 1,100,000 = 45.5 %: within.
    await waitFor(() => expect(verdictOf()).toBe("pass"), SLOW);

    await user.clear(value);
    await user.type(value, "lots");
    const refused = await screen.findByTestId("scenario-refused", {}, SLOW);
    expect(refused.textContent).toContain("Trade 1 has a problem, marked ✕ in the list.");
    const entry = screen.getByTestId("trade-entry");
    expect(within(entry).getByTestId("entry-issues").textContent).toBe(
      '✕ position_value: position_value must be a number greater than 0 (got "lots")',
    );
    expect(value.getAttribute("aria-invalid")).toBe("true");
    expect(value.getAttribute("aria-describedby")).toBe(within(entry).getByTestId("entry-issues").id);
  });

  test("a sale of a position the book does not hold is named beside it; removing it clears the result", async () => {
    const seen: Array<ScenarioEvaluation | null> = [];
    const user = renderBuilder({
      initialTrades: [{ action: "sell", positionId: "P9" }],
      actions: (_state, evaluation) => {
        seen.push(evaluation);
        return null;
      },
    });
    const issues = await screen.findByTestId("entry-issues", {}, SLOW);
    expect(issues.textContent).toBe('✕ positionId: no stored position has position_id "P9"');
    expect(seen.every((e) => e === null)).toBe(true);
    await user.click(screen.getByRole("button", { name: "Remove trade 1 (sell P9)" }));
    expect(await screen.findByTestId("scenario-empty", {}, SLOW)).toBeTruthy();
  });

  test("a purchase: the MSA picked by name, the largest purchase that fits, then added and evaluated", async () => {
    const user = renderBuilder({});
    const form = screen.getByTestId("purchase-form");
    await user.type(within(form).getByLabelText("Strategy"), "value_add");
    await user.type(within(form).getByLabelText(/^MSA/), "phoenix");
    // By keyboard: the first suggestion is the best match; Enter picks it.
    const msa = within(form).getByLabelText(/^MSA/);
    expect(await screen.findByRole("option", { name: /Phoenix-Mesa-Scottsdale, AZ/ }, SLOW)).toBeTruthy();
    await user.keyboard("{ArrowDown}");
    expect(msa.getAttribute("aria-activedescendant")).toBe(screen.getAllByRole("option")[0]?.id);
    await user.keyboard("{Enter}");
    expect(msa.getAttribute("aria-expanded")).toBe("false");
    expect((within(form).getByLabelText(/^MSA/) as HTMLInputElement).value).toBe("Phoenix-Mesa-Scottsdale, AZ (38060)");
    expect(within(form).getByText("Stored as 38060.")).toBeTruthy();
    await waitFor(
      () =>
        expect(within(form).getByTestId("largest-acquisition").textContent).toContain(
          "Up to $200K fits; binding: Strategy Value add at most 50.0 %.",
        ),
      SLOW,
    );

    await user.click(within(form).getByRole("button", { name: "Add purchase" }));
    expect(within(form).getByTestId("purchase-form-message").textContent).toBe("Fix the highlighted fields first.");
    expect(within(form).getByText("position_value is required")).toBeTruthy();

    await user.type(within(form).getByLabelText("Purchase value ($)"), "150,000");
    await user.click(within(form).getByRole("button", { name: "Add purchase" }));
    expect(within(form).getByTestId("purchase-form-message").textContent).toBe("Purchase added to the scenario.");
    // value_add 550,000 of 1,150,000 = 47.8 %: within, and the picked MSA is named in the trade list.
    await waitFor(() => expect(verdictOf()).toBe("pass"), SLOW);
    expect(screen.getByTestId("trade-entry").textContent).toContain("Phoenix-Mesa-Scottsdale, AZ");
  });

  test("a sale found by part of its position_id: typed, picked, added", async () => {
    const user = renderBuilder({});
    await user.click(screen.getByRole("tab", { name: "Sell or revalue" }));
    const form = screen.getByTestId("trade-form");
    await user.type(within(form).getByLabelText(/Find a stored position/), "p3");
    await user.click(await screen.findByRole("option", { name: /P3/ }, SLOW));
    expect(within(form).getByTestId("picked-position").textContent).toContain("P3");
    await user.click(within(form).getByRole("button", { name: "Add sale" }));
    // Selling P3 (value_add in CA) clears nothing and breaches nothing.
    await waitFor(() => expect(verdictOf()).toBe("pass"), SLOW);
    expect(screen.getByTestId("trade-entry").textContent).toContain("P3");
  });
});

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { AlertInbox } from "@/components/alerts/alert-inbox";
import { ALERT_PAGE_SIZE, DEFAULT_FILTERS } from "@/components/alerts/filters";
import { type AlertDto, listAlerts, resolveAlert } from "@/lib/services/alerts";
import type { PortfolioContext } from "@/lib/services/context";
import { createLimit } from "@/lib/services/limits";
import { withTestDatabase } from "../../support/db";
import { as, freshPortfolio, limitOf } from "../../support/fixtures";
import { startRequest } from "../../support/next-request";
import { fillJsdomGaps, type RouteServer, servePageFrom, startRouteServer } from "../../support/route-server";
import { openAlerts, type SignedInUser, storeBook, userWithToken, withOpenAlerts } from "../../support/seed";

// The inbox polls GET /api/alerts (the real route handler, over HTTP) and acts through the real
// server actions, in-process; only Next's request scope is stood in for.
vi.mock("next/headers", async () => (await import("../../support/next-request")).nextHeadersStub());
vi.mock("next/cache", async () => (await import("../../support/next-request")).nextCacheStub());

fillJsdomGaps();
withTestDatabase();

let manager: SignedInUser;
let server: RouteServer;
let queryClient: QueryClient;

beforeAll(async () => {
  manager = await userWithToken("manager", "Morgan");
  server = await startRouteServer(manager.token);
  servePageFrom(server, "/alerts");
});

afterEach(() => {
  cleanup();
  queryClient.clear();
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await server.close();
});

/** A portfolio with four open alerts, its inbox rendered as the alerts page does, signed in as Morgan. */
async function renderInbox({ canAct, seed = withOpenAlerts }: { canAct: boolean; seed?: typeof withOpenAlerts }) {
  const ctx = await freshPortfolio();
  const alerts = await seed(ctx);
  startRequest({ token: manager.token, portfolio: ctx.portfolio.slug });
  const initial = await listAlerts(ctx, { status: "open", limit: ALERT_PAGE_SIZE });
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <AlertInbox
        portfolio={ctx.portfolio.slug}
        filters={DEFAULT_FILTERS}
        initial={initial}
        renderedAt={Date.now()}
        canAct={canAct}
      />
    </QueryClientProvider>,
  );
  return { ctx, alerts, user: userEvent.setup() };
}

const rowBox = (alert: AlertDto) => screen.getByRole("checkbox", { name: `Select alert: ${alert.alertMessage}` });
const selectedCount = () => screen.getByTestId("selected-count").textContent;
const statuses = async (ctx: PortfolioContext) =>
  new Map((await listAlerts(ctx, { limit: 100 })).items.map((a) => [a.id, a.status]));

describe("AlertInbox", () => {
  test("selecting rows updates the count; select-all selects every open alert shown", async () => {
    const { alerts, user } = await renderInbox({ canAct: true });
    const [first, second] = alerts;
    if (!first || !second) throw new Error("seeded four alerts");
    expect(screen.getByTestId("alert-count").textContent).toBe("4 open alerts");
    expect(selectedCount()).toBe("0 selected");

    await user.click(rowBox(first));
    await user.click(rowBox(second));
    expect(selectedCount()).toBe("2 selected");
    expect(screen.getByRole("button", { name: "Acknowledge 2 selected" })).toBeTruthy();

    const selectAll = screen.getByRole("checkbox", { name: "Select all 4 open shown" });
    expect(selectAll).toHaveProperty("indeterminate", true);
    await user.click(selectAll);
    expect(selectedCount()).toBe("4 selected");
    expect(alerts.map((a) => (rowBox(a) as HTMLInputElement).checked)).toEqual([true, true, true, true]);

    await user.click(selectAll);
    expect(selectedCount()).toBe("0 selected");
    expect(screen.getByRole("button", { name: "Acknowledge selected" })).toHaveProperty("disabled", true);
  });

  test("bulk acknowledge through the dialog; an alert resolved meanwhile is reported, the rest are done", async () => {
    const { ctx, alerts, user } = await renderInbox({ canAct: true });
    const [gone, ...rest] = alerts;
    if (!gone) throw new Error("seeded four alerts");

    await user.click(screen.getByRole("checkbox", { name: "Select all 4 open shown" }));
    await user.click(screen.getByRole("button", { name: "Acknowledge 4 selected" }));
    const dialog = screen.getByRole("dialog", { name: "Acknowledge 4 alerts" });
    // A colleague resolves one while the dialog is open.
    await resolveAlert(as(ctx, "Robin"), gone.id, {});

    await user.type(within(dialog).getByLabelText(/Comment/), "selling two assets in Q3");
    await user.click(within(dialog).getByRole("button", { name: "Acknowledge 4" }));

    const toast = await screen.findByTestId("alert-toast", {}, { timeout: 10_000 });
    expect(toast.dataset.tone).toBe("error");
    expect(within(toast).getByText(/could not be acknowledged/).textContent).toBe(
      "Acknowledged 3 alerts; 1 could not be acknowledged.",
    );
    expect(within(toast).getByRole("listitem").textContent).toBe(
      `${gone.alertMessage}: it is already resolved, so it cannot be acknowledged`,
    );
    expect(screen.queryByRole("dialog")).toBeNull();

    const stored = await listAlerts(ctx, { status: "acknowledged", limit: 100 });
    expect(stored.items.map((a) => a.id).sort()).toEqual(rest.map((a) => a.id).sort());
    for (const alert of stored.items)
      expect(alert).toMatchObject({ acknowledgedBy: "Morgan", comment: "selling two assets in Q3" });
    expect((await statuses(ctx)).get(gone.id)).toBe("resolved");

    // The list follows: the resolved alert leaves the open inbox, the selection empties.
    await vi.waitFor(() => expect(screen.getByTestId("alert-count").textContent).toBe("3 open alerts"), {
      timeout: 10_000,
    });
    expect(selectedCount()).toBe("0 selected");
  });

  test("without the manager role: no checkboxes, no bulk bar, no acknowledge or resolve buttons", async () => {
    const { alerts } = await renderInbox({ canAct: false });
    expect(screen.getAllByTestId("alert-row")).toHaveLength(alerts.length);
    expect(screen.queryAllByRole("checkbox")).toEqual([]);
    expect(screen.queryByTestId("bulk-bar")).toBeNull();
    expect(screen.queryAllByRole("button", { name: /acknowledge|resolve/i })).toEqual([]);
  });

  test("each row shows its limit's reference, and its note: two lines folded, whole when unfolded", async () => {
    const note = "Agreed with the LPAC in March 2026.\nReviewed each quarter.";
    const { user } = await renderInbox({
      canAct: false,
      seed: async (ctx) => {
        await storeBook(ctx);
        await createLimit(ctx, limitOf({ dimensionType: "state", thresholdPct: 20, reference: "LPA §7.2(b)", note }));
        return openAlerts(ctx);
      },
    });
    const [row] = screen.getAllByTestId("alert-row");
    if (!row) throw new Error("seeded four alerts");
    expect(within(row).getByTestId("alert-reference").textContent).toBe(" · LPA §7.2(b)");
    const shown = within(row).getByTestId("alert-limit-note");
    expect(shown.textContent).toBe(`Limit note: ${note}`);
    expect(shown.classList.contains("line-clamp-2")).toBe(true);
    await user.click(within(row).getByRole("button", { name: /History/ }));
    expect(shown.classList.contains("line-clamp-2")).toBe(false);
    await within(row).findByTestId("alert-history");
  });
});

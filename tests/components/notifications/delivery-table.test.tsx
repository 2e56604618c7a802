import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { DeliveryTable } from "@/components/notifications/delivery-table";
import { channelCreateSchema } from "@/lib/schemas";
import { createChannel } from "@/lib/services/notify-channels";
import { deliverDue, listDeliveries } from "@/lib/services/notify-delivery";
import { withTestDatabase } from "../../support/db";
import { as, freshPortfolio } from "../../support/fixtures";
import { currentRequest, startRequest } from "../../support/next-request";
import { type HttpReceiver, startHttpReceiver } from "../../support/receivers";
import { fillJsdomGaps } from "../../support/route-server";
import { type SignedInUser, userWithToken, withOpenAlerts } from "../../support/seed";

// The log as the page renders it, from real deliveries to a real receiver; Retry now calls the
// real action in-process.
vi.mock("next/headers", async () => (await import("../../support/next-request")).nextHeadersStub());
vi.mock("next/cache", async () => (await import("../../support/next-request")).nextCacheStub());

fillJsdomGaps();
withTestDatabase();

let admin: SignedInUser;
let http: HttpReceiver;

beforeAll(async () => {
  process.env.AKER_WEBHOOK_ALLOW_PRIVATE = "1";
  admin = await userWithToken("admin");
  http = await startHttpReceiver();
});
afterAll(() => http.close());
beforeEach(() => startRequest({ token: admin.token }));
afterEach(cleanup);

const cells = (row: HTMLElement) => [...row.children].map((c) => c.textContent ?? "");

describe("DeliveryTable", () => {
  test("a failed delivery: its alert, status in words, the error; Retry now makes it due again", async () => {
    const ctx = await freshPortfolio();
    await createChannel(
      as(ctx, "Ada Admin", "admin"),
      channelCreateSchema.parse({
        kind: "webhook",
        name: "Risk desk",
        url: http.url(),
        secret: "whsec_0123456789abcdef",
      }),
    );
    http.answer(500, 500, 500, 500);
    const alerts = await withOpenAlerts(ctx);
    expect(await deliverDue()).toEqual({ sent: 0, failed: alerts.length, dead: 0 });

    const { items } = await listDeliveries({ limit: 100 });
    render(<DeliveryTable deliveries={items} empty="Nothing sent yet." />);
    const rows = screen.getAllByTestId("delivery-row");
    expect(rows).toHaveLength(4);
    const [first] = rows;
    if (!first) throw new Error("no row");
    const [event, alert, channel, status, attempts, error] = cells(first);
    expect(event).toMatch(/^Opened/);
    expect(alert).toContain(items[0]?.event.alertMessage ?? "?");
    expect(alert).toContain(ctx.portfolio.slug);
    expect([channel, status, attempts]).toEqual(["Risk desk", "↻Failed, will retry", "1"]);
    expect(error).toMatch(/500/);
    expect(within(first).getByTestId("delivery-status").getAttribute("data-status")).toBe("failed");

    const user = userEvent.setup();
    await user.click(within(first).getByRole("button", { name: "Retry now: Opened to Risk desk" }));
    await vi.waitFor(() =>
      expect(screen.getByTestId("delivery-retry-status").textContent).toBe(
        "Delivery to Risk desk is due again: it is sent within a few seconds.",
      ),
    );
    expect(currentRequest.revalidated).toEqual([["/admin/notifications"]]);
    const after = await listDeliveries({ limit: 100 });
    expect(after.items.map((d) => d.status)).toEqual(["pending", "failed", "failed", "failed"]);

    // The receiver is back: the retried one is sent, and a sent row offers no retry.
    expect((await deliverDue()).sent).toBe(1);
    cleanup();
    render(<DeliveryTable deliveries={(await listDeliveries({ status: "sent", limit: 100 })).items} empty="—" />);
    const [sent] = screen.getAllByTestId("delivery-row");
    if (!sent) throw new Error("no sent row");
    expect(cells(sent)[3]).toBe("✓Sent");
    expect(within(sent).queryByRole("button")).toBeNull();
  });

  test("no deliveries: the message the page chose", () => {
    render(<DeliveryTable deliveries={[]} empty="No deliveries match this filter." />);
    expect(screen.getByTestId("delivery-empty").textContent).toBe("No deliveries match this filter.");
  });
});

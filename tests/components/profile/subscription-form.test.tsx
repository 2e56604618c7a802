import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { SubscriptionForm } from "@/components/profile/subscription-form";
import type { PortfolioContext } from "@/lib/services/context";
import { getSubscription, type SubscriptionDto } from "@/lib/services/subscriptions";
import { withTestDatabase } from "../../support/db";
import { freshPortfolio } from "../../support/fixtures";
import { currentRequest, startRequest } from "../../support/next-request";
import { fillJsdomGaps } from "../../support/route-server";
import { type SignedInUser, userWithToken } from "../../support/seed";

// The profile page's form calls the real server action in-process; only Next's request scope is stood in for.
vi.mock("next/headers", async () => (await import("../../support/next-request")).nextHeadersStub());
vi.mock("next/cache", async () => (await import("../../support/next-request")).nextCacheStub());

fillJsdomGaps();
withTestDatabase();

let viewer: SignedInUser;
let fund: PortfolioContext;

beforeAll(async () => {
  process.env.AKER_SMTP_URL = "smtp://127.0.0.1:2525";
  process.env.AKER_MAIL_FROM = "Aker <alerts@aker.test>";
  viewer = await userWithToken("viewer", "Vera");
  fund = await freshPortfolio();
});
beforeEach(() => startRequest({ token: viewer.token, portfolio: fund.portfolio.slug }));
afterEach(cleanup);

const none = (email: string): SubscriptionDto => ({
  mode: "none",
  digestHour: 8,
  minSeverity: "warning",
  portfolios: [],
  email,
  updatedAt: null,
});

function describedText(control: HTMLElement): string {
  const ids = control.getAttribute("aria-describedby")?.split(" ") ?? [];
  return ids
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ")
    .replace("✕", "")
    .trim();
}

describe("SubscriptionForm", () => {
  test("a digest at 06:00 UTC for one portfolio, critical only, is saved for the signed-in user", async () => {
    render(
      <SubscriptionForm initial={none(viewer.email)} portfolios={[{ slug: fund.portfolio.slug, name: "Fund" }]} />,
    );
    const user = userEvent.setup();
    expect(screen.queryByLabelText("Send the digest at")).toBeNull();
    await user.click(screen.getByLabelText(/^Daily digest/));
    await user.selectOptions(screen.getByLabelText("Send the digest at"), "6");
    await user.selectOptions(screen.getByLabelText("Minimum severity"), "critical");
    await user.click(screen.getByLabelText("Fund"));
    await user.click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByText(`Saved: email goes to ${viewer.email}.`)).toBeTruthy();
    expect(await getSubscription({ actor: { ...viewer, via: "token" } })).toMatchObject({
      mode: "digest",
      digestHour: 6,
      minSeverity: "critical",
      portfolios: [fund.portfolio.slug],
    });
    expect(currentRequest.revalidated).toEqual([["/profile"]]);
  });

  test("a portfolio the server does not know: the error sits beside the portfolios", async () => {
    render(<SubscriptionForm initial={none(viewer.email)} portfolios={[{ slug: "gone-fund", name: "Gone" }]} />);
    const user = userEvent.setup();
    await user.click(screen.getByLabelText(/^Immediately/));
    await user.click(screen.getByLabelText("Gone"));
    await user.click(screen.getByRole("button", { name: "Save" }));
    const group = screen.getByRole("group", { name: /Portfolios/ });
    await screen.findByText(/unknown portfolio "gone-fund"/);
    expect(describedText(group)).toBe('unknown portfolio "gone-fund"');
    expect(group.getAttribute("aria-invalid")).toBe("true");
  });
});

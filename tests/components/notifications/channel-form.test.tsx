import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { ChannelForm } from "@/components/notifications/channel-form";
import { EMPTY_CHANNEL_FORM, fromChannel } from "@/components/notifications/channel-form-state";
import { ChannelsTable } from "@/components/notifications/channels-table";
import { toChannelView } from "@/components/notifications/notify-labels";
import { getPrisma } from "@/lib/db/client";
import { MAIL_NOT_CONFIGURED } from "@/lib/notify/config";
import { listChannels } from "@/lib/services/notify-channels";
import { withTestDatabase } from "../../support/db";
import { currentRequest, startRequest } from "../../support/next-request";
import { type HttpReceiver, startHttpReceiver } from "../../support/receivers";
import { fillJsdomGaps } from "../../support/route-server";
import { type SignedInUser, userWithToken } from "../../support/seed";

// The form calls the real server actions in-process; only Next's request scope is stood in for.
vi.mock("next/headers", async () => (await import("../../support/next-request")).nextHeadersStub());
vi.mock("next/cache", async () => (await import("../../support/next-request")).nextCacheStub());

fillJsdomGaps();
withTestDatabase();

const SECRET = "whsec_render_0123456789";
const PORTFOLIOS = [{ slug: "default", name: "Default" }];
let admin: SignedInUser;
let http: HttpReceiver;

beforeAll(async () => {
  admin = await userWithToken("admin");
  http = await startHttpReceiver();
});
afterAll(() => http.close());
beforeEach(() => {
  delete process.env.AKER_SMTP_URL;
  delete process.env.AKER_MAIL_FROM;
  delete process.env.AKER_WEBHOOK_ALLOW_PRIVATE;
  startRequest({ token: admin.token });
});
afterEach(async () => {
  cleanup();
  await (await getPrisma()).notificationChannel.deleteMany();
});

function renderForm(initial = EMPTY_CHANNEL_FORM, editingId: string | null = null) {
  const onDone = vi.fn();
  render(
    <ChannelForm initial={initial} editingId={editingId} portfolios={PORTFOLIOS} onDone={onDone} onCancel={() => {}} />,
  );
  return { user: userEvent.setup(), onDone };
}

/** What a screen reader reads after the control: its error (or hint), without the decorative ✕. */
function describedText(control: HTMLElement): string {
  const ids = control.getAttribute("aria-describedby")?.split(" ") ?? [];
  return ids
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ")
    .replace("✕", "")
    .trim();
}

const fail = (): never => {
  throw new Error("no channel");
};
const field = (label: string) => screen.queryByLabelText(label);
const message = () => screen.getByTestId("channel-form-message").textContent;

describe("ChannelForm", () => {
  test("shows only the fields the kind takes", async () => {
    const { user } = renderForm();
    const shown = () => ["Recipients", "URL", "Secret"].filter((label) => field(label) !== null);
    expect(shown()).toEqual(["URL", "Secret"]);
    await user.selectOptions(screen.getByLabelText("Kind"), "email");
    expect(shown()).toEqual(["Recipients"]);
    await user.selectOptions(screen.getByLabelText("Kind"), "slack");
    expect(shown()).toEqual(["URL"]);
    // The filters are the same for every kind.
    expect((screen.getByLabelText("Portfolio") as HTMLSelectElement).selectedOptions[0]?.textContent).toBe(
      "All portfolios",
    );
    expect(screen.getAllByRole("checkbox").map((c) => c.closest("label")?.textContent)).toEqual([
      "Strategy",
      "State",
      "MSA",
      "Vintage",
      "Construction type",
      "Rent band",
      "Region",
    ]);
  });

  test("the server's errors sit beside their fields, and nothing is stored", async () => {
    const { user, onDone } = renderForm();
    await user.type(screen.getByLabelText("Name"), "Risk desk");
    await user.type(screen.getByLabelText("URL"), "http://127.0.0.1:9/hook");
    await user.type(screen.getByLabelText("Secret"), "too short");
    await user.click(screen.getByRole("button", { name: "Create channel" }));
    expect(await screen.findByText("must be at least 16 characters")).toBeTruthy();
    expect(describedText(screen.getByLabelText("Secret"))).toBe("must be at least 16 characters");
    expect(screen.getByLabelText("Secret").getAttribute("aria-invalid")).toBe("true");
    expect(message()).toBe("The channel was not saved: check the highlighted fields.");

    await user.clear(screen.getByLabelText("Secret"));
    await user.type(screen.getByLabelText("Secret"), SECRET);
    await user.click(screen.getByRole("button", { name: "Create channel" }));
    await vi.waitFor(() => expect(describedText(screen.getByLabelText("URL"))).toMatch(/^127\.0\.0\.1 is a private/));
    expect(describedText(screen.getByLabelText("Secret"))).toMatch(/^At least 16 characters/);
    expect(onDone).not.toHaveBeenCalled();
    expect((await listChannels()).items).toEqual([]);
  });

  test("a bad recipient is named beside Recipients", async () => {
    process.env.AKER_SMTP_URL = "smtp://127.0.0.1:2525";
    process.env.AKER_MAIL_FROM = "Aker <alerts@aker.test>";
    const { user } = renderForm({ ...EMPTY_CHANNEL_FORM, kind: "email" });
    await user.type(screen.getByLabelText("Name"), "Risk");
    await user.type(screen.getByLabelText("Recipients"), "risk@example.com, not-an-address");
    await user.click(screen.getByRole("button", { name: "Create channel" }));
    await vi.waitFor(() => expect(describedText(screen.getByLabelText("Recipients"))).toBe("must be an email address"));
  });

  test("email without SMTP set up: the server's message, and the kind marked", async () => {
    const { user } = renderForm({ ...EMPTY_CHANNEL_FORM, kind: "email" });
    await user.type(screen.getByLabelText("Name"), "Risk");
    await user.type(screen.getByLabelText("Recipients"), "risk@example.com");
    await user.click(screen.getByRole("button", { name: "Create channel" }));
    await vi.waitFor(() => expect(message()).toBe(MAIL_NOT_CONFIGURED));
    expect(describedText(screen.getByLabelText("Kind"))).toBe("email is not set up");
  });

  test("creates a webhook with its filters; editing with the secret blank keeps it", async () => {
    process.env.AKER_WEBHOOK_ALLOW_PRIVATE = "1";
    const { user, onDone } = renderForm();
    await user.type(screen.getByLabelText("Name"), "Risk desk");
    await user.type(screen.getByLabelText("URL"), http.url());
    await user.type(screen.getByLabelText("Secret"), SECRET);
    await user.selectOptions(screen.getByLabelText("Minimum severity"), "critical");
    await user.click(screen.getByRole("checkbox", { name: "State" }));
    await user.click(screen.getByRole("checkbox", { name: "Strategy" }));
    await user.click(screen.getByRole("button", { name: "Create channel" }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith("Channel “Risk desk” created."));
    const [created] = (await listChannels()).items;
    expect(created).toMatchObject({
      kind: "webhook",
      name: "Risk desk",
      portfolio: null,
      minSeverity: "critical",
      dimensions: ["strategy", "state"],
      url: http.url(),
      hasSecret: true,
    });
    expect(currentRequest.revalidated).toEqual([["/admin/notifications"]]);
    cleanup();

    if (!created) throw new Error("no channel");
    const edit = renderForm(fromChannel(created), created.id);
    expect((screen.getByLabelText("Kind") as HTMLSelectElement).disabled).toBe(true);
    expect(screen.getByLabelText("Secret").getAttribute("placeholder")).toBe("leave blank to keep");
    await edit.user.clear(screen.getByLabelText("Name"));
    await edit.user.type(screen.getByLabelText("Name"), "Risk desk (all)");
    await edit.user.click(screen.getByRole("checkbox", { name: "State" }));
    await edit.user.click(screen.getByRole("checkbox", { name: "Strategy" }));
    await edit.user.click(screen.getByRole("button", { name: "Save changes" }));
    await vi.waitFor(() => expect(edit.onDone).toHaveBeenCalledWith("Channel “Risk desk (all)” saved."));
    expect((await listChannels()).items[0]).toMatchObject({ name: "Risk desk (all)", dimensions: [], hasSecret: true });
  });

  test("a Slack URL is never sent back to the browser: editing starts blank and blank keeps it", async () => {
    process.env.AKER_WEBHOOK_ALLOW_PRIVATE = "1";
    const slackUrl = "http://127.0.0.1:9/services/T0/B0/SECRET";
    const prisma = await getPrisma();
    const row = await prisma.notificationChannel.create({
      data: { kind: "slack", name: "Chat", url: slackUrl, recipients: [], dimensions: [] },
    });
    const view = toChannelView((await listChannels()).items[0] ?? fail());
    expect(view.url).toBe("http://127.0.0.1:9/…");
    const { user, onDone } = renderForm(fromChannel(view), row.id);
    expect((screen.getByLabelText("URL") as HTMLInputElement).value).toBe("");
    expect(describedText(screen.getByLabelText("URL"))).toBe(
      "Hidden once saved: leave blank to keep it, or paste a new one.",
    );
    await user.selectOptions(screen.getByLabelText("Minimum severity"), "critical");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith("Channel “Chat” saved."));
    expect((await listChannels()).items[0]).toMatchObject({ url: slackUrl, minSeverity: "critical" });
  });
});

describe("ChannelsTable", () => {
  test("lists each channel's destination, a Slack URL masked; a test shows whether it arrived", async () => {
    process.env.AKER_WEBHOOK_ALLOW_PRIVATE = "1";
    const prisma = await getPrisma();
    // One at a time: the table lists them oldest first.
    await prisma.notificationChannel.create({
      data: { kind: "webhook", name: "Hook", url: http.url(), secret: SECRET, recipients: [], dimensions: [] },
    });
    await prisma.notificationChannel.create({
      data: {
        kind: "slack",
        name: "Chat",
        url: "http://127.0.0.1:9/services/T0/B0/SECRET",
        recipients: [],
        dimensions: ["msa"],
      },
    });
    const { items } = await listChannels();
    render(
      <ChannelsTable channels={items.map(toChannelView)} portfolioNames={{}} onEdit={() => {}} onDeleted={() => {}} />,
    );
    const rows = screen.getAllByTestId("channel-row").map((r) => [...r.children].slice(0, 6).map((c) => c.textContent));
    expect(rows).toEqual([
      ["Hook", "Webhook", "All portfolios", "Warning and up", "All", `${http.url()} · secret set`],
      ["Chat", "Slack", "All portfolios", "Warning and up", "MSA", "http://127.0.0.1:9/…"],
    ]);

    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Send a test to Hook" }));
    const [hookResult, chatResult] = screen.getAllByTestId("channel-test-result");
    await vi.waitFor(() => expect(hookResult?.textContent).toBe("✓ Test sent: the receiver answered."));
    expect(http.requests).toHaveLength(1);

    await user.click(screen.getByRole("button", { name: "Send a test to Chat" }));
    await vi.waitFor(() => expect(chatResult?.textContent).toMatch(/^✕ Test failed: ./));
  });
});

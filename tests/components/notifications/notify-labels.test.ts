import { describe, expect, test } from "vitest";
import { EMPTY_CHANNEL_FORM, fromChannel, toChannelInput } from "@/components/notifications/channel-form-state";
import { deliveryHref, parseDeliveryFilter } from "@/components/notifications/delivery-params";
import {
  canRetry,
  DELIVERY_STATUS,
  destinationText,
  maskUrl,
  toChannelView,
} from "@/components/notifications/notify-labels";

const CHANNEL_ID = "0b6f8c1e-3d2a-4f5b-9c8d-7e6f5a4b3c2d";

describe("maskUrl", () => {
  test.each([
    [
      "slack hides the path (its credential)",
      "slack",
      "https://hooks.slack.com/services/T0/B0/XyZ",
      "https://hooks.slack.com/…",
    ],
    ["slack keeps a port", "slack", "http://chat.example.com:8065/hooks/abc", "http://chat.example.com:8065/…"],
    ["slack, a URL that does not parse", "slack", "not a url", "(hidden)"],
    [
      "webhook is shown whole (its secret is apart)",
      "webhook",
      "https://example.com/hook?x=1",
      "https://example.com/hook?x=1",
    ],
  ] as const)("%s", (_, kind, url, shown) => {
    expect(maskUrl(kind, url)).toBe(shown);
  });
});

describe("destinationText", () => {
  test.each([
    [
      "email: its recipients",
      { kind: "email", recipients: ["a@x.com", "b@x.com"], url: null, hasSecret: false },
      "a@x.com, b@x.com",
    ],
    [
      "webhook: URL and secret set",
      { kind: "webhook", recipients: [], url: "https://e.com/h", hasSecret: true },
      "https://e.com/h · secret set",
    ],
    [
      "slack: masked",
      { kind: "slack", recipients: [], url: "https://hooks.slack.com/services/T/B/C", hasSecret: false },
      "https://hooks.slack.com/…",
    ],
  ] as const)("%s", (_, channel, text) => {
    expect(destinationText({ ...channel, recipients: [...channel.recipients] })).toBe(text);
  });
});

describe("delivery statuses", () => {
  test("each reads as an icon and a word; only failed and dead offer Retry now", () => {
    expect(Object.entries(DELIVERY_STATUS).map(([k, s]) => [k, s.icon, s.label, canRetry(k)])).toEqual([
      ["pending", "◷", "Pending", false],
      ["sent", "✓", "Sent", false],
      ["failed", "↻", "Failed, will retry", true],
      ["dead", "✕", "Dead", true],
    ]);
  });
});

describe("the delivery log's URL", () => {
  test.each([
    ["nothing", {}, {}],
    ["a status and a channel", { status: "failed", channel: CHANNEL_ID }, { status: "failed", channelId: CHANNEL_ID }],
    ["an unknown status and a malformed channel are ignored", { status: "lost", channel: "x" }, {}],
    ["a page further", { offset: "50" }, { offset: 50 }],
  ])("%s", (_, params, filter) => {
    const parsed = parseDeliveryFilter(params);
    expect(Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined))).toEqual(filter);
  });

  test("round-trips through its link", () => {
    const filter = { status: "dead" as const, channelId: CHANNEL_ID, offset: 100 };
    const href = deliveryHref(filter);
    expect(href).toBe(`/admin/notifications?status=dead&channel=${CHANNEL_ID}&offset=100#deliveries`);
    expect(parseDeliveryFilter(Object.fromEntries(new URL(href, "http://x").searchParams))).toEqual(filter);
  });
});

describe("what the channel form sends", () => {
  test.each([
    [
      "email: recipients split on commas and new lines, no URL or secret",
      {
        ...EMPTY_CHANNEL_FORM,
        kind: "email",
        name: "Risk",
        recipients: "a@x.com, b@x.com\nc@x.com",
        url: "https://left.over",
      },
      false,
      {
        name: "Risk",
        portfolio: null,
        minSeverity: "warning",
        dimensions: [],
        recipients: ["a@x.com", "b@x.com", "c@x.com"],
      },
    ],
    [
      "webhook create: URL and secret",
      { ...EMPTY_CHANNEL_FORM, name: "Hook", url: "https://e.com/h", secret: "s".repeat(16), portfolio: "fund-ii" },
      false,
      {
        name: "Hook",
        portfolio: "fund-ii",
        minSeverity: "warning",
        dimensions: [],
        url: "https://e.com/h",
        secret: "s".repeat(16),
      },
    ],
    [
      "webhook edit with the secret left blank keeps it",
      { ...EMPTY_CHANNEL_FORM, name: "Hook", url: "https://e.com/h", dimensions: ["state"] },
      true,
      { name: "Hook", portfolio: null, minSeverity: "warning", dimensions: ["state"], url: "https://e.com/h" },
    ],
    [
      "slack edit with the URL left blank keeps it (it was never shown)",
      { ...EMPTY_CHANNEL_FORM, kind: "slack", name: "S", url: "" },
      true,
      { name: "S", portfolio: null, minSeverity: "warning", dimensions: [] },
    ],
    [
      "webhook edit with the URL blank sends it (and the server says it is required)",
      { ...EMPTY_CHANNEL_FORM, name: "H", url: "" },
      true,
      { name: "H", portfolio: null, minSeverity: "warning", dimensions: [], url: "" },
    ],
    [
      "slack: the URL only",
      {
        ...EMPTY_CHANNEL_FORM,
        kind: "slack",
        name: "S",
        url: "https://hooks.slack.com/x",
        secret: "typed by mistake",
        minSeverity: "critical",
      },
      false,
      { name: "S", portfolio: null, minSeverity: "critical", dimensions: [], url: "https://hooks.slack.com/x" },
    ],
  ] as const)("%s", (_, values, editing, input) => {
    expect(toChannelInput({ ...values, dimensions: [...values.dimensions] }, editing)).toEqual(input);
  });

  test("an edited channel opens with its values and a blank secret", () => {
    expect(
      fromChannel({
        kind: "email",
        name: "Risk",
        portfolio: null,
        minSeverity: "critical",
        dimensions: ["msa"],
        recipients: ["a@x.com", "b@x.com"],
        url: null,
      }),
    ).toEqual({
      kind: "email",
      name: "Risk",
      portfolio: "",
      minSeverity: "critical",
      dimensions: ["msa"],
      recipients: "a@x.com, b@x.com",
      url: "",
      secret: "",
    });
  });
});

describe("toChannelView", () => {
  const dto = {
    id: "c1",
    name: "n",
    portfolio: null,
    minSeverity: "warning" as const,
    dimensions: [],
    recipients: [],
    hasSecret: false,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
  };
  test("masks a Slack URL before it reaches the browser, and the form starts it blank", () => {
    const view = toChannelView({ ...dto, kind: "slack", url: "https://hooks.slack.com/services/T/B/C" });
    expect([view.url, view.urlMasked, fromChannel(view).url]).toEqual(["https://hooks.slack.com/…", true, ""]);
  });
  test("leaves a webhook URL as it is", () => {
    const view = toChannelView({ ...dto, kind: "webhook", url: "https://e.com/h", hasSecret: true });
    expect([view.url, view.urlMasked, fromChannel(view).url]).toEqual(["https://e.com/h", false, "https://e.com/h"]);
  });
});

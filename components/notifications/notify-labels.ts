import type { ChannelKind } from "@/lib/schemas";
import type { ChannelDto } from "@/lib/services/notify-channels";

// What the Notifications page prints for channels and deliveries: pure, so it is tested as tables.

export const KIND_LABELS: Record<ChannelKind, string> = { email: "Email", webhook: "Webhook", slack: "Slack" };

export const EVENT_LABELS: Record<string, string> = {
  "alert.opened": "Opened",
  "alert.escalated": "Escalated",
  "alert.resolved": "Resolved",
  "alert.waived": "Waived",
  "alert.waiver_expired": "Waiver expired",
  digest: "Daily digest",
  test: "Test",
};

export const eventLabel = (type: string) => EVENT_LABELS[type] ?? type;

/** Where a delivery goes: its channel, or the subscriber it emails (a subscription has no channel). */
export function recipientLabel(d: { channel: { name: string } | null; user: { email: string } | null }): string {
  if (d.channel) return d.channel.name;
  return d.user ? `${d.user.email} (subscription)` : "—";
}

export type DeliveryStatusKey = "pending" | "sent" | "failed" | "dead";

// Icon + word, never colour alone.
export const DELIVERY_STATUS: Record<DeliveryStatusKey, { icon: string; label: string; className: string }> = {
  pending: { icon: "◷", label: "Pending", className: "border-border bg-surface-2 text-text" },
  sent: { icon: "✓", label: "Sent", className: "border-within/30 bg-within-bg text-within" },
  failed: { icon: "↻", label: "Failed, will retry", className: "border-near/30 bg-near-bg text-near" },
  dead: { icon: "✕", label: "Dead", className: "border-breach/30 bg-breach-bg text-breach" },
};

/** A delivery a person may make due again: the worker retries a failed one by itself, later. */
export const canRetry = (status: string) => status === "failed" || status === "dead";

/**
 * A Slack incoming-webhook URL is its own credential (anyone with it can post), so the table
 * shows its origin and hides the path: `https://hooks.slack.com/…`. Webhook URLs are shown whole
 * (their secret is separate); a URL that does not parse shows nothing of itself.
 */
export function maskUrl(kind: ChannelKind, url: string): string {
  if (kind !== "slack") return url;
  try {
    return `${new URL(url).origin}/…`;
  } catch {
    return "(hidden)";
  }
}

export interface ChannelDestination {
  kind: ChannelKind;
  recipients: readonly string[];
  url: string | null;
  hasSecret: boolean;
}

/** Where a channel sends: its recipients, or its (masked) URL and whether a secret is set. */
export function destinationText(c: ChannelDestination): string {
  if (c.kind === "email") return c.recipients.join(", ");
  const url = c.url ? maskUrl(c.kind, c.url) : "—";
  return c.kind === "webhook" ? `${url} · ${c.hasSecret ? "secret set" : "no secret"}` : url;
}

/** A channel as the browser gets it: a Slack URL already masked on the server, so it never leaves it. */
export type ChannelView = ChannelDto & { urlMasked: boolean };

export function toChannelView(c: ChannelDto): ChannelView {
  const urlMasked = c.kind === "slack" && c.url !== null;
  return { ...c, url: urlMasked && c.url ? maskUrl(c.kind, c.url) : c.url, urlMasked };
}

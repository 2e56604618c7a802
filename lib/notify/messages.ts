// What each kind of channel is sent for one event: the webhook gets the event itself (its stored
// payload), Slack (and Teams, Mattermost) `{ text, blocks }`, email a subject and a plain text.
// Every message carries the event id, the portfolio, the limit, the value, the exposure, the
// limit's note and reference, and a link to the alert.

export type NotificationType =
  | "alert.opened"
  | "alert.escalated"
  | "alert.resolved"
  | "alert.waived"
  | "alert.waiver_expired"
  | "test";

/** The alert fields messages read (the payload holds the whole REST alert object). */
export interface PayloadAlert {
  id: string;
  severity: string;
  status: string;
  dimensionType: string;
  dimensionValue: string;
  alertMessage: string;
  exposurePct: number;
  thresholdPct: number;
  breachPct: number;
  breachUnit: string;
  limitReference: string | null;
  limitNote: string | null;
  resolvedBy: string | null;
}

/** The webhook body, stored as the event's payload and sent as it is. */
export interface NotificationPayload {
  id: string;
  type: NotificationType;
  occurredAt: string;
  portfolio: { slug: string; name: string };
  alert: PayloadAlert | null;
  url: string;
}

const HEADLINES: Record<NotificationType, string> = {
  "alert.opened": "Limit breached",
  "alert.escalated": "Breach worse",
  "alert.resolved": "Breach resolved",
  "alert.waived": "Breach waived",
  "alert.waiver_expired": "Waiver expired",
  test: "Test notification",
};

const UNITS: Record<string, string> = { pp: "%", usd: " USD", units: " units", count: "", hhi: " HHI" };

const number = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 2 });
const figure = (value: number, unit: string) => `${number(value)}${UNITS[unit] ?? ""}`;
/** How far past the limit: percentage points for shares, the limit's own unit otherwise. */
const distance = (value: number, unit: string) => (unit === "pp" ? `${number(value)} pp` : figure(value, unit));

/** The lines every message shows, in order. */
export function messageLines(p: NotificationPayload): string[] {
  const head = `${HEADLINES[p.type]} · ${p.portfolio.name} (${p.portfolio.slug})`;
  const a = p.alert;
  if (!a) return [head, "A test from Aker Portfolio: this channel is set up.", `Event id: ${p.id}`];
  const resolved =
    p.type === "alert.resolved" ? ` (by ${a.resolvedBy === "auto" ? "auto: the breach cleared" : a.resolvedBy})` : "";
  return [
    `${head} · ${a.severity}${resolved}`,
    a.alertMessage,
    `Limit: ${a.dimensionType}${a.dimensionValue === "*" ? "" : ` = ${a.dimensionValue}`} at ${figure(a.thresholdPct, a.breachUnit)}; exposure ${figure(a.exposurePct, a.breachUnit)} (past it by ${distance(a.breachPct, a.breachUnit)})`,
    ...(a.limitReference ? [`Reference: ${a.limitReference}`] : []),
    ...(a.limitNote ? [`Note: ${a.limitNote}`] : []),
    `Alert: ${p.url}`,
    `Event id: ${p.id}`,
  ];
}

export function emailOf(p: NotificationPayload): { subject: string; text: string } {
  const a = p.alert;
  const subject = a
    ? `[Aker ${a.severity}] ${HEADLINES[p.type]}: ${a.dimensionType}${a.dimensionValue === "*" ? "" : ` ${a.dimensionValue}`} (${p.portfolio.name})`
    : `[Aker] ${HEADLINES.test}`;
  return { subject, text: `${messageLines(p).join("\n\n")}\n` };
}

/** One open or waived alert in a daily digest. */
export interface DigestItem {
  portfolio: { slug: string; name: string };
  alertMessage: string;
  severity: string;
  status: string;
  breachSince: string | null;
  daysInBreach: number | null;
  limitReference: string | null;
  url: string;
}

/** A user's daily digest: the event's stored payload (sent only by email, to the user). */
export interface DigestPayload {
  id: string;
  type: "digest";
  occurredAt: string;
  day: string;
  user: { name: string; email: string };
  minSeverity: string;
  items: DigestItem[];
}

/** The digest's email: every open and waived alert, critical first, or "all clear". */
export function digestEmailOf(p: DigestPayload): { subject: string; text: string } {
  const open = p.items.filter((i) => i.status !== "waived").length;
  const waived = p.items.length - open;
  const subject =
    p.items.length === 0
      ? `[Aker] Daily digest ${p.day}: all clear`
      : `[Aker] Daily digest ${p.day}: ${open} open, ${waived} waived`;
  const head = [
    `Daily digest for ${p.user.name || p.user.email}, ${p.day} (alerts at or above ${p.minSeverity}).`,
    p.items.length === 0 ? "All clear: no open or waived alerts." : `${open} open and ${waived} waived alerts:`,
  ];
  const items = p.items.map((i) =>
    [
      `- [${i.severity}] ${i.status} · ${i.portfolio.name} (${i.portfolio.slug})`,
      `  ${i.alertMessage}`,
      i.breachSince
        ? `  In breach since ${i.breachSince} (${i.daysInBreach ?? 0} days)`
        : "  In breach since: not dated yet",
      ...(i.limitReference ? [`  Reference: ${i.limitReference}`] : []),
      `  ${i.url}`,
    ].join("\n"),
  );
  return { subject, text: `${[...head, ...items, `Event id: ${p.id}`].join("\n\n")}\n` };
}

/** Slack's incoming-webhook format (Teams and Mattermost take it too): text for notifications, blocks to show. */
export function slackOf(p: NotificationPayload): { text: string; blocks: unknown[] } {
  const [first = "", ...rest] = messageLines(p).map(escapeSlack);
  return {
    text: `${first}${p.alert ? `: ${escapeSlack(p.alert.alertMessage)}` : ""}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${first}*` } },
      { type: "section", text: { type: "mrkdwn", text: rest.join("\n") } },
    ],
  };
}

/** Slack reads &, < and > as markup (links, mentions); a note's text must stay text. */
const escapeSlack = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

// The audit log's URL state (?auditAction=, ?auditCursor=) and how an event's details read.

export const AUDIT_PREFIXES = [
  { value: "positions.", label: "Imports (positions.)" },
  { value: "limit.", label: "Limits (limit.)" },
  { value: "alert.", label: "Alerts (alert.)" },
  { value: "run.", label: "Runs (run.)" },
  { value: "user.", label: "Users (user.)" },
  { value: "token.", label: "API tokens (token.)" },
  { value: "subscription.", label: "Subscriptions (subscription.)" },
  { value: "channel.", label: "Notification channels (channel.)" },
  { value: "notification.", label: "Notification retries (notification.)" },
] as const;

export type AuditPrefix = (typeof AUDIT_PREFIXES)[number]["value"];

export interface AuditState {
  action?: AuditPrefix | undefined;
  cursor?: number | undefined;
}

type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Unknown prefixes and malformed cursors are ignored, so a hand-edited URL shows the newest events. */
export function parseAuditState(params: SearchParams): AuditState {
  const action = AUDIT_PREFIXES.find((p) => p.value === first(params.auditAction))?.value;
  const raw = first(params.auditCursor);
  const cursor =
    raw && /^\d{1,10}$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 2_147_483_647 ? Number(raw) : undefined;
  return { action, cursor };
}

export function auditHref(state: AuditState): string {
  const query = new URLSearchParams();
  if (state.action) query.set("auditAction", state.action);
  if (state.cursor) query.set("auditCursor", String(state.cursor));
  const qs = query.toString();
  return `/admin${qs ? `?${qs}` : ""}#audit-log`;
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return /\s/.test(value) ? JSON.stringify(value) : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** {email: "a@b.c", role: "admin"} → `email=a@b.c role=admin`; values with spaces are quoted. */
export function formatAuditDetails(details: unknown): string {
  if (details === null || details === undefined) return "";
  if (typeof details !== "object" || Array.isArray(details)) return formatValue(details);
  return Object.entries(details)
    .map(([key, value]) => `${key}=${formatValue(value)}`)
    .join(" ");
}

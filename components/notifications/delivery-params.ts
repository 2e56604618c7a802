// The delivery log's URL state (?status=&channel=&page=): a hand-edited URL with an unknown value
// shows the whole log rather than an error.

import type { DeliveryStatusKey } from "./notify-labels";

export const DELIVERY_STATUS_KEYS: readonly DeliveryStatusKey[] = ["pending", "sent", "failed", "dead"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface DeliveryFilter {
  status?: DeliveryStatusKey | undefined;
  channelId?: string | undefined;
  /** The offset of the page shown (the service's cursor). */
  offset?: number | undefined;
}

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseDeliveryFilter(params: SearchParams): DeliveryFilter {
  const status = DELIVERY_STATUS_KEYS.find((s) => s === first(params.status));
  const channel = first(params.channel);
  const raw = first(params.offset);
  return {
    status,
    channelId: channel && UUID.test(channel) ? channel.toLowerCase() : undefined,
    offset: raw && /^\d{1,9}$/.test(raw) && Number(raw) > 0 ? Number(raw) : undefined,
  };
}

export const NOTIFICATIONS_PATH = "/admin/notifications";

export function deliveryHref(filter: DeliveryFilter): string {
  const query = new URLSearchParams();
  if (filter.status) query.set("status", filter.status);
  if (filter.channelId) query.set("channel", filter.channelId);
  if (filter.offset) query.set("offset", String(filter.offset));
  const qs = query.toString();
  return `${NOTIFICATIONS_PATH}${qs ? `?${qs}` : ""}#deliveries`;
}

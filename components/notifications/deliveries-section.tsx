import Form from "next/form";
import Link from "next/link";
import { listChannels } from "@/lib/services/notify-channels";
import { listDeliveries } from "@/lib/services/notify-delivery";
import { buttonClass } from "../ui/button";
import { Card } from "../ui/card";
import { DELIVERY_STATUS_KEYS, type DeliveryFilter, deliveryHref, NOTIFICATIONS_PATH } from "./delivery-params";
import { DeliveryTable } from "./delivery-table";
import { DELIVERY_STATUS } from "./notify-labels";
import { RefreshButton } from "./refresh-button";

const PAGE_SIZE = 50;
const selectClass = "rounded-md border border-border bg-surface px-2 py-1.5 text-sm";

/** A GET form, so the filter lives in the URL and works without JavaScript. */
function DeliveryFilterForm({
  filter,
  channels,
}: {
  filter: DeliveryFilter;
  channels: Array<{ id: string; name: string }>;
}) {
  return (
    <Form
      action={NOTIFICATIONS_PATH}
      scroll={false}
      className="flex flex-wrap items-end gap-2"
      aria-label="Filter the delivery log"
    >
      <div>
        <label htmlFor="delivery-status" className="mb-1 block text-xs font-medium text-muted">
          Status
        </label>
        <select id="delivery-status" name="status" defaultValue={filter.status ?? ""} className={selectClass}>
          <option value="">Every status</option>
          {DELIVERY_STATUS_KEYS.map((s) => (
            <option key={s} value={s}>
              {DELIVERY_STATUS[s].label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="delivery-channel" className="mb-1 block text-xs font-medium text-muted">
          Channel
        </label>
        <select id="delivery-channel" name="channel" defaultValue={filter.channelId ?? ""} className={selectClass}>
          <option value="">Every channel</option>
          {channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass("secondary")}>
        Filter
      </button>
    </Form>
  );
}

export async function DeliveriesSection({ filter }: { filter: DeliveryFilter }) {
  const [{ items, nextCursor }, { items: channels }] = await Promise.all([
    listDeliveries({
      status: filter.status,
      channelId: filter.channelId,
      limit: PAGE_SIZE,
      cursor: filter.offset ? String(filter.offset) : undefined,
    }),
    listChannels(),
  ]);
  const filtered = filter.status !== undefined || filter.channelId !== undefined;
  return (
    <Card title="Delivery log" id="deliveries" actions={<RefreshButton />}>
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <p className="max-w-prose text-sm text-muted">
          Every message to every channel, newest first. A failed one is retried by itself (30 s, then doubling to an
          hour); one still failing a day after its event is dead. Times are UTC.
        </p>
        <DeliveryFilterForm key={`${filter.status}-${filter.channelId}`} filter={filter} channels={channels} />
      </div>
      <DeliveryTable
        deliveries={items}
        empty={
          filtered ? "No deliveries match this filter." : filter.offset ? "No older deliveries." : "Nothing sent yet."
        }
      />
      <nav aria-label="Delivery log pages" className="mt-3 flex gap-3 text-sm">
        {filter.offset ? (
          <Link
            href={deliveryHref({ ...filter, offset: Math.max(0, filter.offset - PAGE_SIZE) })}
            className="text-accent"
          >
            Newer
          </Link>
        ) : null}
        {nextCursor ? (
          <Link href={deliveryHref({ ...filter, offset: Number(nextCursor) })} className="text-accent">
            Older
          </Link>
        ) : null}
      </nav>
    </Card>
  );
}

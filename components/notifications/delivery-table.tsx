"use client";

import { useState, useTransition } from "react";
import { retryDeliveryAction } from "@/lib/actions/notifications";
import { formatDateTime } from "@/lib/display/format";
import type { DeliveryDto } from "@/lib/services/notify-delivery";
import { tdClass, thClass } from "../admin/form-field";
import { Button } from "../ui/button";
import { canRetry, DELIVERY_STATUS, type DeliveryStatusKey, eventLabel, recipientLabel } from "./notify-labels";

export function DeliveryStatusBadge({ status }: { status: DeliveryStatusKey }) {
  const s = DELIVERY_STATUS[status];
  return (
    <span
      data-testid="delivery-status"
      data-status={status}
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${s.className}`}
    >
      <span aria-hidden="true">{s.icon}</span>
      {s.label}
    </span>
  );
}

const HEADERS = ["Event", "Alert", "Channel", "Status", "Attempts", "Last error", "Next try", "Sent at", ""];

/**
 * The delivery log as the server rendered it. "Retry now" makes a failed or dead delivery due at
 * once; the action revalidates the page, so the row comes back as pending (then sent or failed
 * once the worker has been, which Refresh shows).
 */
export function DeliveryTable({ deliveries, empty }: { deliveries: DeliveryDto[]; empty: string }) {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [retrying, setRetrying] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  function retry(d: DeliveryDto) {
    setRetrying(d.id);
    setStatus(null);
    startTransition(async () => {
      const result = await retryDeliveryAction({ id: d.id });
      setRetrying(null);
      setStatus(
        result.ok
          ? { ok: true, text: `Delivery to ${recipientLabel(d)} is due again: it is sent within a few seconds.` }
          : { ok: false, text: result.message },
      );
    });
  }

  return (
    <div className="overflow-x-auto">
      <p
        role="status"
        data-testid="delivery-retry-status"
        className={`min-h-5 text-sm font-medium ${status?.ok === false ? "text-breach" : "text-within"}`}
      >
        {status?.text}
      </p>
      <table className="w-full min-w-[64rem] text-sm" data-testid="delivery-table">
        <thead>
          <tr className="border-b border-border">
            {HEADERS.map((h) => (
              <th key={h || "actions"} scope="col" className={thClass}>
                {h || <span className="sr-only">Actions</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {deliveries.length === 0 && (
            <tr>
              <td colSpan={HEADERS.length} data-testid="delivery-empty" className="py-4 text-center text-muted">
                {empty}
              </td>
            </tr>
          )}
          {deliveries.map((d) => (
            <tr key={d.id} data-testid="delivery-row" className="border-b border-border last:border-0">
              <td className={`${tdClass} whitespace-nowrap`}>
                {eventLabel(d.event.type)}
                <span className="block text-xs text-muted">{formatDateTime(d.event.occurredAt)}</span>
              </td>
              <td className={`${tdClass} max-w-xs`} data-testid="delivery-alert">
                {d.event.alertMessage ?? "—"}
                <span className="block text-xs text-muted">{d.event.portfolio ?? "All portfolios"}</span>
              </td>
              <td className={tdClass}>{recipientLabel(d)}</td>
              <td className={tdClass}>
                <DeliveryStatusBadge status={d.status} />
              </td>
              <td className={`${tdClass} tabular-nums`}>{d.attempts}</td>
              <td className={`${tdClass} max-w-xs break-words text-xs`} data-testid="delivery-error">
                {d.lastError ?? "—"}
              </td>
              <td className={`${tdClass} whitespace-nowrap`}>{formatDateTime(d.nextAttemptAt)}</td>
              <td className={`${tdClass} whitespace-nowrap`}>{formatDateTime(d.sentAt)}</td>
              <td className={tdClass}>
                {canRetry(d.status) && (
                  <Button
                    variant="ghost"
                    aria-label={`Retry now: ${eventLabel(d.event.type)} to ${recipientLabel(d)}`}
                    disabled={retrying === d.id}
                    onClick={() => retry(d)}
                  >
                    {retrying === d.id ? "Retrying…" : "Retry now"}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

"use client";

import { useState, useTransition } from "react";
import { deleteChannelAction, testChannelAction } from "@/lib/actions/notifications";
import { DIMENSION_LABELS } from "@/lib/display/dimension-labels";
import { thClass } from "../admin/form-field";
import { Button } from "../ui/button";
import { ConfirmDelete } from "../ui/confirm-delete";
import { type ChannelView, destinationText, KIND_LABELS } from "./notify-labels";

type TestOutcome = { state: "sending" } | { state: "sent" } | { state: "failed"; error: string };

/** The answer of "Send a test", next to its button in a live region. */
function TestResult({ outcome }: { outcome: TestOutcome | undefined }) {
  if (!outcome) return null;
  if (outcome.state === "sending") return <span className="text-muted">Sending…</span>;
  if (outcome.state === "sent")
    return (
      <span className="font-medium text-within">
        <span aria-hidden="true">✓ </span>Test sent: the receiver answered.
      </span>
    );
  return (
    <span className="font-medium text-breach">
      <span aria-hidden="true">✕ </span>Test failed: {outcome.error}
    </span>
  );
}

interface ChannelsTableProps {
  channels: ChannelView[];
  /** Slug → name, for the portfolio column. */
  portfolioNames: Record<string, string>;
  onEdit: (channel: ChannelView) => void;
  onDeleted: (channel: ChannelView) => void;
}

export function ChannelsTable({ channels, portfolioNames, onEdit, onDeleted }: ChannelsTableProps) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [tests, setTests] = useState<Record<string, TestOutcome>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();

  function sendTest(id: string) {
    setTests((t) => ({ ...t, [id]: { state: "sending" } }));
    startTransition(async () => {
      const result = await testChannelAction({ id });
      const outcome: TestOutcome = !result.ok
        ? { state: "failed", error: result.message }
        : result.data.sent
          ? { state: "sent" }
          : { state: "failed", error: result.data.error ?? "no answer" };
      setTests((t) => ({ ...t, [id]: outcome }));
    });
  }

  function remove(channel: ChannelView) {
    setError(null);
    startTransition(async () => {
      const result = await deleteChannelAction({ id: channel.id });
      setConfirming(null);
      if (result.ok) onDeleted(channel);
      else setError(result.message);
    });
  }

  if (channels.length === 0)
    return (
      <p data-testid="channels-empty" className="text-sm text-muted">
        No channels yet: alerts are only in the inbox. Create one to send them by email, webhook or Slack.
      </p>
    );

  return (
    <div className="overflow-x-auto">
      <p role="alert" className="text-sm font-medium text-breach">
        {error}
      </p>
      <table className="w-full text-sm" data-testid="channels-table">
        <thead>
          <tr className="border-b border-border">
            <th scope="col" className={thClass}>
              Name
            </th>
            <th scope="col" className={thClass}>
              Kind
            </th>
            <th scope="col" className={thClass}>
              Portfolio
            </th>
            <th scope="col" className={thClass}>
              Min severity
            </th>
            <th scope="col" className={thClass}>
              Dimensions
            </th>
            <th scope="col" className={thClass}>
              Destination
            </th>
            <th scope="col" className={thClass}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {channels.map((c) => (
            <tr key={c.id} data-testid="channel-row" className="border-b border-border align-top last:border-0">
              <th scope="row" className="px-2 py-2 text-left font-medium">
                {c.name}
              </th>
              <td className="px-2 py-2">{KIND_LABELS[c.kind]}</td>
              <td className="px-2 py-2">
                {c.portfolio ? (portfolioNames[c.portfolio] ?? c.portfolio) : "All portfolios"}
              </td>
              <td className="px-2 py-2">{c.minSeverity === "critical" ? "Critical only" : "Warning and up"}</td>
              <td className="px-2 py-2">
                {c.dimensions.length === 0 ? "All" : c.dimensions.map((d) => DIMENSION_LABELS[d]).join(", ")}
              </td>
              <td className="max-w-xs break-all px-2 py-2" data-testid="channel-destination">
                {destinationText(c)}
              </td>
              <td className="px-2 py-2">
                <div className="flex flex-wrap justify-end gap-1">
                  {confirming === c.id ? (
                    <ConfirmDelete
                      name={c.name}
                      busy={busy}
                      onConfirm={() => remove(c)}
                      onCancel={() => setConfirming(null)}
                    />
                  ) : (
                    <>
                      <Button
                        variant="ghost"
                        aria-label={`Send a test to ${c.name}`}
                        disabled={tests[c.id]?.state === "sending"}
                        onClick={() => sendTest(c.id)}
                      >
                        Send a test
                      </Button>
                      <Button variant="ghost" aria-label={`Edit ${c.name}`} onClick={() => onEdit(c)}>
                        Edit
                      </Button>
                      <Button variant="ghost" aria-label={`Delete ${c.name}`} onClick={() => setConfirming(c.id)}>
                        Delete
                      </Button>
                    </>
                  )}
                </div>
                <p aria-live="polite" data-testid="channel-test-result" className="mt-1 text-right text-xs">
                  <TestResult outcome={tests[c.id]} />
                </p>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

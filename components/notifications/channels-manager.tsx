"use client";

import { useState } from "react";
import { Card } from "../ui/card";
import { ChannelForm } from "./channel-form";
import { type ChannelFormValues, EMPTY_CHANNEL_FORM, fromChannel } from "./channel-form-state";
import { ChannelsTable } from "./channels-table";
import type { ChannelView } from "./notify-labels";

interface Draft {
  values: ChannelFormValues;
  editingId: string | null;
  /** A new key remounts the form with these values. */
  key: number;
}

/** The channels and the one form that creates or edits them; the actions revalidate the page. */
export function ChannelsManager({
  channels,
  portfolios,
}: {
  channels: ChannelView[];
  portfolios: ReadonlyArray<{ slug: string; name: string }>;
}) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const open = (values: ChannelFormValues, editingId: string | null) =>
    setDraft((d) => ({ values, editingId, key: (d?.key ?? 0) + 1 }));
  const portfolioNames = Object.fromEntries(portfolios.map((p) => [p.slug, p.name]));

  return (
    <div className="space-y-6">
      <Card
        title="Channels"
        actions={
          <div className="flex items-center gap-3">
            <p role="status" data-testid="channels-status" className="text-sm text-within">
              {status}
            </p>
            {draft === null && (
              <button
                type="button"
                className="text-sm font-medium text-accent hover:underline"
                onClick={() => {
                  setStatus(null);
                  open(EMPTY_CHANNEL_FORM, null);
                }}
              >
                New channel
              </button>
            )}
          </div>
        }
      >
        <ChannelsTable
          channels={channels}
          portfolioNames={portfolioNames}
          onEdit={(channel) => {
            setStatus(null);
            open(fromChannel(channel), channel.id);
          }}
          onDeleted={(channel) => {
            if (draft?.editingId === channel.id) setDraft(null);
            setStatus(`Channel “${channel.name}” deleted.`);
          }}
        />
      </Card>
      {draft && (
        <Card title={draft.editingId ? "Edit channel" : "New channel"} id="channel-form">
          <ChannelForm
            key={draft.key}
            initial={draft.values}
            editingId={draft.editingId}
            portfolios={portfolios}
            onDone={(message) => {
              setDraft(null);
              setStatus(message);
            }}
            onCancel={() => setDraft(null)}
          />
        </Card>
      )}
    </div>
  );
}

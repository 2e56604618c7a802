"use client";

import { useId } from "react";
import { formatMoney } from "@/lib/display/format";
import type { Dimension } from "@/lib/engine/types";
import { Button } from "../ui/button";
import { AmountInput } from "./amount-input";
import { EntryIssues } from "./entry-issues";
import type { PositionDto } from "./fetchers";
import { bucketText, type ValueLabeller } from "./labels";
import { LargestAcquisition } from "./largest-acquisition";
import { assetOfPosition } from "./purchase-model";
import {
  amountOf,
  amountText,
  type EntryIssue,
  type TradeView,
  viewTrade,
  withField,
  withSaleValue,
} from "./scenario-state";

const ACTION_WORDS: Record<TradeView["action"], string> = {
  buy: "Buy",
  sell: "Sell",
  revalue: "Revalue",
  other: "Trade",
};

/** The field of each kind of trade that holds its amount, as the API (and its 422s) name it. */
const AMOUNT_FIELD = { buy: "position_value", sell: "value", revalue: "positionValue" } as const;

const PURCHASE_ATTRIBUTES: Array<[string, Dimension | null]> = [
  ["strategy", "strategy"],
  ["state", "state"],
  ["msa_id", "msa"],
  ["vintage", null],
  ["construction_type", "construction_type"],
  ["rent_band", "rent_band"],
];

function purchaseSummary(position: Record<string, unknown>, labelOf: ValueLabeller): string {
  const parts: string[] = [];
  for (const [column, dimension] of PURCHASE_ATTRIBUTES) {
    const value = position[column];
    if (value === undefined || value === null || String(value).trim() === "") continue;
    const text = String(value).trim();
    parts.push(dimension ? labelOf(dimension, bucketText(dimension, text)) : `built ${text}`);
  }
  if (position.units !== undefined && position.units !== "") parts.push(`${String(position.units)} units`);
  const share = position.ownership_pct;
  if (share !== undefined && share !== "" && Number(String(share).replace("%", "")) !== 100)
    parts.push(`${String(share).replace("%", "")}% owned`);
  return parts.join(" · ");
}

function TradeEntry({
  index,
  entry,
  issues,
  portfolio,
  known,
  labelOf,
  onChange,
  onRemove,
}: {
  index: number;
  entry: unknown;
  issues: readonly EntryIssue[];
  portfolio: string;
  known: ReadonlyMap<string, PositionDto>;
  labelOf: ValueLabeller;
  onChange: (entry: unknown) => void;
  onRemove: () => void;
}) {
  const issuesId = useId();
  const view = viewTrade(entry);
  const name =
    view.action === "other"
      ? view.text
      : view.action === "buy"
        ? [view.positionId, view.assetId].filter(Boolean).join(" · ") || "a new position"
        : (view.positionId ?? "(no position_id)");
  const stored = view.action === "sell" || view.action === "revalue" ? known.get(view.positionId ?? "") : undefined;
  const amountField = view.action === "other" ? null : AMOUNT_FIELD[view.action];
  const amountInvalid = issues.some((i) => i.field === amountField);
  const described = issues.length ? issuesId : undefined;
  const what = `trade ${index + 1} (${ACTION_WORDS[view.action].toLowerCase()} ${name})`;

  return (
    <li
      data-testid="trade-entry"
      data-action={view.action}
      className={`rounded-md border px-3 py-2 ${issues.length ? "border-breach/60 bg-breach-bg/40" : "border-border"}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <p className="min-w-0 text-sm">
          <span className="mr-2 text-xs text-muted">{index + 1}.</span>
          <span className="mr-1.5 rounded bg-surface-2 px-1.5 py-0.5 text-xs font-semibold">
            {ACTION_WORDS[view.action]}
          </span>
          <span className="font-medium break-all">{name}</span>
          {stored && (
            <span className="ml-1 text-muted">
              ({stored.assetId ?? "stored"}, now {formatMoney(stored.positionValue)})
            </span>
          )}
          {view.action === "buy" && (
            <span className="block text-xs text-muted">
              {purchaseSummary(view.position, labelOf) || "no attributes"}
            </span>
          )}
        </p>
        <Button variant="ghost" onClick={onRemove} aria-label={`Remove ${what}`}>
          Remove
        </Button>
      </div>
      {view.action !== "other" && (
        <div className="mt-1 flex flex-wrap items-center gap-2 text-sm">
          <span aria-hidden="true" className="text-xs text-muted">
            {view.action === "buy" ? "Value ($)" : view.action === "sell" ? "Amount sold ($)" : "New value ($)"}
          </span>
          <AmountInput
            label={`${view.action === "buy" ? "Value ($)" : view.action === "sell" ? "Amount sold ($)" : "New value ($)"} of ${what}`}
            value={amountText(
              view.action === "buy"
                ? view.position.position_value
                : view.action === "sell"
                  ? view.value
                  : view.positionValue,
            )}
            placeholder={view.action === "sell" ? "all of it" : undefined}
            invalid={amountInvalid}
            describedBy={described}
            onChange={(text) =>
              onChange(
                view.action === "sell"
                  ? withSaleValue(entry, text.trim() === "" ? null : amountOf(text))
                  : withField(entry, amountField ?? "", amountOf(text)),
              )
            }
          />
          {view.action === "sell" && <span className="text-xs text-muted">blank: all of it</span>}
        </div>
      )}
      {view.action === "buy" && (
        <div className="mt-1">
          <LargestAcquisition portfolio={portfolio} asset={assetOfPosition(view.position)} labelOf={labelOf} compact />
        </div>
      )}
      <EntryIssues id={issuesId} issues={issues} />
    </li>
  );
}

/** The scenario's trades in order, each amount editable in place, each with the server's problems beside it. */
export function TradeList({
  trades,
  issues,
  portfolio,
  known,
  labelOf,
  onChange,
  onRemove,
}: {
  trades: readonly unknown[];
  issues: ReadonlyMap<number, EntryIssue[]>;
  portfolio: string;
  known: ReadonlyMap<string, PositionDto>;
  labelOf: ValueLabeller;
  onChange: (index: number, entry: unknown) => void;
  onRemove: (index: number) => void;
}) {
  if (trades.length === 0) return <p className="text-sm text-muted">No trades yet.</p>;
  return (
    <ol className="space-y-2" aria-label="Trades, applied in this order">
      {trades.map((entry, i) => (
        <TradeEntry
          key={i}
          index={i}
          entry={entry}
          issues={issues.get(i) ?? []}
          portfolio={portfolio}
          known={known}
          labelOf={labelOf}
          onChange={(next) => onChange(i, next)}
          onRemove={() => onRemove(i)}
        />
      ))}
    </ol>
  );
}

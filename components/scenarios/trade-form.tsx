"use client";

import { type FormEvent, useId, useState } from "react";
import { formatMoney, formatMoneyExact } from "@/lib/display/format";
import { controlClass, describedBy, LimitField as Field } from "../limits/limit-field";
import { Button } from "../ui/button";
import type { PositionDto } from "./fetchers";
import { PositionPicker, positionName } from "./position-picker";
import { AMOUNT_LABELS, type SellOrRevalue, TRADE_MODES, type TradeMode, toTrade, validateTrade } from "./trade-model";

/** Sell (all or part) or revalue a stored position found by its position_id or asset_id. */
export function TradeForm({
  portfolio,
  onAdd,
}: {
  portfolio: string;
  onAdd: (trade: SellOrRevalue, position: PositionDto) => void;
}) {
  const id = useId();
  const [search, setSearch] = useState("");
  const [position, setPosition] = useState<PositionDto | null>(null);
  const [mode, setMode] = useState<TradeMode>("sell-all");
  const [amount, setAmount] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const [amountTouched, setAmountTouched] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const errors = validateTrade(mode, amount, position);
  const positionError = submitted ? errors.position : undefined;
  const amountError = submitted || amountTouched ? errors.amount : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (errors.position || errors.amount || !position?.positionId) {
      setMessage({ ok: false, text: "Fix the highlighted fields first." });
      return;
    }
    onAdd(toTrade(mode, amount, position.positionId), position);
    setPosition(null);
    setSearch("");
    setAmount("");
    setSubmitted(false);
    setAmountTouched(false);
    setMessage({ ok: true, text: `${mode === "revalue" ? "Revaluation" : "Sale"} added to the scenario.` });
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Sell or revalue a stored position"
      data-testid="trade-form"
      className="space-y-3"
    >
      {position ? (
        <div className="rounded-md border border-border bg-surface-2 px-3 py-2 text-sm" data-testid="picked-position">
          <p className="text-xs font-medium text-muted">Stored position</p>
          <p className="flex flex-wrap items-center justify-between gap-2">
            <span>
              <span className="font-medium">{positionName(position)}</span>{" "}
              <span className="text-muted" title={formatMoneyExact(position.positionValue)}>
                {formatMoney(position.positionValue)}
              </span>
            </span>
            <Button
              variant="ghost"
              onClick={() => {
                setPosition(null);
                requestAnimationFrame(() => document.getElementById(`${id}-position`)?.focus());
              }}
            >
              Choose another
            </Button>
          </p>
        </div>
      ) : (
        <Field id={`${id}-position`} label="Find a stored position (position_id or asset_id)" error={positionError}>
          <PositionPicker
            id={`${id}-position`}
            portfolio={portfolio}
            text={search}
            onTextChange={(text) => {
              setSearch(text);
              setMessage(null);
            }}
            onPick={(p) => {
              setPosition(p);
              setMessage(null);
            }}
            invalid={Boolean(positionError)}
            describedBy={describedBy(`${id}-position`, positionError, false)["aria-describedby"]}
            className={controlClass(Boolean(positionError))}
          />
        </Field>
      )}
      <fieldset>
        <legend className="mb-1 text-xs font-medium text-muted">What to do with it</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1 py-1 text-sm">
          {TRADE_MODES.map((m) => (
            <label key={m.mode} className="inline-flex items-center gap-1.5">
              <input
                type="radio"
                name={`${id}-mode`}
                value={m.mode}
                checked={mode === m.mode}
                onChange={() => {
                  setMode(m.mode);
                  setMessage(null);
                }}
              />
              {m.label}
            </label>
          ))}
        </div>
      </fieldset>
      {mode !== "sell-all" && (
        <Field id={`${id}-amount`} label={AMOUNT_LABELS[mode]} error={amountError}>
          <input
            id={`${id}-amount`}
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            value={amount}
            onChange={(e) => {
              setAmount(e.target.value);
              setAmountTouched(true);
              setMessage(null);
            }}
            className={controlClass(Boolean(amountError))}
            {...describedBy(`${id}-amount`, amountError, false)}
          />
        </Field>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="primary">
          {mode === "revalue" ? "Add revaluation" : "Add sale"}
        </Button>
        <p
          role="status"
          data-testid="trade-form-message"
          className={`text-sm font-medium ${message?.ok ? "text-within" : "text-breach"}`}
        >
          {message?.text}
        </p>
      </div>
    </form>
  );
}

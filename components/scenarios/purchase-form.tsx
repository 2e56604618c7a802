"use client";

import { useId } from "react";
import { controlClass, describedBy, LimitField as Field } from "../limits/limit-field";
import { Button } from "../ui/button";
import type { ValueLabeller } from "./labels";
import { LargestAcquisition } from "./largest-acquisition";
import { type MsaChoice, MsaPicker } from "./msa-picker";
import {
  acquisitionAsset,
  EMPTY_PURCHASE,
  PURCHASE_LABELS,
  type PurchaseField,
  toBuyTrade,
  validatePurchase,
} from "./purchase-model";
import { useEntryForm } from "./use-entry-form";

/** Values the book already holds, offered as suggestions. */
export interface BookChoices {
  strategy: string[];
  state: string[];
  construction_type: string[];
  rent_band: string[];
}

const HINTS: Partial<Record<PurchaseField, string>> = {
  position_id: "Optional; must be new to the book.",
  position_value: "Required: what the purchase adds to the book.",
};

/** The purchase form: the import's columns, checked as typed; adds a buy to the scenario. */
export function PurchaseForm({
  portfolio,
  choices,
  labelOf,
  onAdd,
}: {
  portfolio: string;
  choices: BookChoices;
  labelOf: ValueLabeller;
  /** The trade in the API's shape, and the title of the MSA picked (for labels). */
  onAdd: (trade: ReturnType<typeof toBuyTrade>, msa: MsaChoice) => void;
}) {
  const id = useId();
  const { values, set, msa, setMsa, message, shownFrom, submit: submitWhenValid } = useEntryForm(EMPTY_PURCHASE);
  const errors = validatePurchase(values, msa.text);
  const shown = shownFrom(errors);
  const f = (field: PurchaseField) => `${id}-${field}`;
  const submit = submitWhenValid(errors, () => onAdd(toBuyTrade(values), msa), "Purchase added to the scenario.");

  const text = (field: PurchaseField, options: { list?: string[]; inputMode?: "decimal" | "numeric" } = {}) => (
    <Field id={f(field)} label={PURCHASE_LABELS[field]} error={shown(field)} hint={HINTS[field]}>
      <input
        id={f(field)}
        name={field}
        value={values[field]}
        onChange={(e) => set(field, e.target.value)}
        list={options.list?.length ? `${f(field)}-list` : undefined}
        inputMode={options.inputMode}
        autoComplete="off"
        className={controlClass(Boolean(shown(field)))}
        {...describedBy(f(field), shown(field), Boolean(HINTS[field]))}
      />
      {options.list && options.list.length > 0 && (
        <datalist id={`${f(field)}-list`}>
          {options.list.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
      )}
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate aria-label="Add a purchase" data-testid="purchase-form" className="space-y-3">
      <div className="grid gap-x-3 gap-y-1 sm:grid-cols-2">
        {text("position_id")}
        {text("asset_id")}
        {text("strategy", { list: choices.strategy })}
        {text("state", { list: choices.state })}
        <div className="sm:col-span-2">
          <Field
            id={f("msa_id")}
            label="MSA (type a name or a 5-digit CBSA code)"
            error={shown("msa_id")}
            hint={msa.code ? `Stored as ${msa.code}.` : undefined}
          >
            <MsaPicker
              id={f("msa_id")}
              value={msa}
              onChange={(choice) => {
                setMsa(choice);
                set("msa_id", choice.code);
              }}
              invalid={Boolean(shown("msa_id"))}
              describedBy={describedBy(f("msa_id"), shown("msa_id"), Boolean(msa.code))["aria-describedby"]}
              className={controlClass(Boolean(shown("msa_id")))}
            />
          </Field>
        </div>
        {text("vintage", { inputMode: "numeric" })}
        {text("construction_type", { list: choices.construction_type })}
        {text("rent_band", { list: choices.rent_band })}
        {text("units", { inputMode: "numeric" })}
        {text("ownership_pct", { inputMode: "decimal" })}
        <div className="sm:col-span-2">{text("position_value", { inputMode: "decimal" })}</div>
      </div>
      <LargestAcquisition portfolio={portfolio} asset={acquisitionAsset(values, errors)} labelOf={labelOf} />
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="primary">
          Add purchase
        </Button>
        <p
          role="status"
          data-testid="purchase-form-message"
          className={`text-sm font-medium ${message?.ok ? "text-within" : "text-breach"}`}
        >
          {message?.text}
        </p>
      </div>
    </form>
  );
}

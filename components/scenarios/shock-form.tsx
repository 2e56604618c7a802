"use client";

import { useId } from "react";
import { DIMENSION_LABELS, DIMENSIONS } from "@/lib/display/dimension-labels";
import type { Dimension } from "@/lib/engine/types";
import { controlClass, describedBy, LimitField as Field } from "../limits/limit-field";
import { Button } from "../ui/button";
import type { ValueLabeller } from "./labels";
import { EMPTY_MSA, type MsaChoice, MsaPicker } from "./msa-picker";
import { EMPTY_SHOCK, type ShockValues, toShock, validateShock } from "./shock-model";
import { useEntryForm } from "./use-entry-form";

/** A shock: every position in a bucket (or every known value of a dimension) changes in value by a percentage. */
export function ShockForm({
  bookValues,
  labelOf,
  onAdd,
}: {
  /** The values each dimension takes in the book, offered as suggestions. */
  bookValues: Record<Dimension, string[]>;
  labelOf: ValueLabeller;
  onAdd: (shock: ReturnType<typeof toShock>, msa: MsaChoice) => void;
}) {
  const id = useId();
  const { values, set, msa, setMsa, message, shownFrom, submit: submitWhenValid } = useEntryForm(EMPTY_SHOCK);
  const { errors, normalizedValue } = validateShock(values, msa.text);
  const shown = shownFrom(errors);
  const f = (field: keyof ShockValues) => `${id}-${field}`;
  const options = bookValues[values.dimensionType];
  const valueHint =
    values.dimensionType === "msa"
      ? msa.code
        ? `Shocks ${msa.code}.`
        : "Blank: every known MSA."
      : normalizedValue
        ? `Shocks “${normalizedValue}”.`
        : values.dimensionValue.trim() === ""
          ? "Blank: every known value of the dimension."
          : undefined;

  // A fresh shock keeps the dimension just used.
  const submit = submitWhenValid(
    errors,
    () => onAdd(toShock(values), msa),
    "Shock added to the scenario.",
    (v) => ({
      ...EMPTY_SHOCK,
      dimensionType: v.dimensionType,
    }),
  );

  return (
    <form onSubmit={submit} noValidate aria-label="Add a shock" data-testid="shock-form" className="space-y-3">
      <p className="text-xs text-muted">
        Every position in the bucket changes in value by the percentage, after the trades (above −100 %, at most +1,000
        %).
      </p>
      <div className="grid gap-x-3 gap-y-1 sm:grid-cols-2">
        <Field id={f("dimensionType")} label="Dimension">
          <select
            id={f("dimensionType")}
            value={values.dimensionType}
            onChange={(e) => {
              set("dimensionType", e.target.value as Dimension);
              set("dimensionValue", "");
              setMsa(EMPTY_MSA);
            }}
            className={controlClass(false)}
          >
            {DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {DIMENSION_LABELS[d]}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={f("dimensionValue")}
          label={values.dimensionType === "vintage" ? "Decade (blank for every one)" : "Value (blank for every value)"}
          error={shown("dimensionValue")}
          hint={valueHint}
        >
          {values.dimensionType === "msa" ? (
            <MsaPicker
              id={f("dimensionValue")}
              value={msa}
              onChange={(choice) => {
                setMsa(choice);
                set("dimensionValue", choice.code);
              }}
              invalid={Boolean(shown("dimensionValue"))}
              describedBy={
                describedBy(f("dimensionValue"), shown("dimensionValue"), Boolean(valueHint))["aria-describedby"]
              }
              className={controlClass(Boolean(shown("dimensionValue")))}
            />
          ) : (
            <>
              <input
                id={f("dimensionValue")}
                value={values.dimensionValue}
                onChange={(e) => set("dimensionValue", e.target.value)}
                list={options.length ? `${f("dimensionValue")}-list` : undefined}
                placeholder={values.dimensionType === "vintage" ? "e.g. 1970s" : "every value"}
                autoComplete="off"
                className={controlClass(Boolean(shown("dimensionValue")))}
                {...describedBy(f("dimensionValue"), shown("dimensionValue"), Boolean(valueHint))}
              />
              <datalist id={`${f("dimensionValue")}-list`}>
                {options.map((v) => (
                  <option key={v} value={v} label={labelOf(values.dimensionType, v)} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field id={f("valueChangePct")} label="Change in value (%)" error={shown("valueChangePct")}>
          <input
            id={f("valueChangePct")}
            type="number"
            inputMode="decimal"
            step="any"
            value={values.valueChangePct}
            onChange={(e) => set("valueChangePct", e.target.value)}
            placeholder="e.g. -20"
            className={controlClass(Boolean(shown("valueChangePct")))}
            {...describedBy(f("valueChangePct"), shown("valueChangePct"), false)}
          />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="primary">
          Add shock
        </Button>
        <p
          role="status"
          data-testid="shock-form-message"
          className={`text-sm font-medium ${message?.ok ? "text-within" : "text-breach"}`}
        >
          {message?.text}
        </p>
      </div>
    </form>
  );
}

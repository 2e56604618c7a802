"use client";

import { type FormEvent, useEffect, useId, useRef, useState, useTransition } from "react";
import { createLimitAction, updateLimitAction } from "@/lib/actions/limits";
import { DIMENSION_LABELS } from "@/lib/display/labels";
import { DIMENSIONS, type Dimension, type Severity } from "@/lib/engine/types";
import { Button } from "../ui/button";
import { controlClass, describedBy, LimitField } from "./limit-field";
import {
  type LimitField as Field,
  isLimitField,
  type LimitFieldErrors,
  type LimitFormValues,
  toLimitInput,
  validateLimitForm,
} from "./limit-form-state";

export type ValueOptions = Record<Dimension, Array<{ value: string; label: string }>>;

interface LimitFormProps {
  initial: LimitFormValues;
  /** The limit being edited; null to create one. */
  editingId: string | null;
  valueOptions: ValueOptions;
  onDone: (message: string) => void;
  onCancel: () => void;
  /** A new attempt starts: the page's last success message no longer applies. */
  onSubmitStart?: () => void;
  /** Focus the threshold when the form opens with a preset or a limit to edit. */
  focusOnOpen?: boolean;
}

export function LimitForm({
  initial,
  editingId,
  valueOptions,
  onDone,
  onCancel,
  onSubmitStart,
  focusOnOpen = false,
}: LimitFormProps) {
  const id = useId();
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<Field>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<LimitFieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const pctRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusOnOpen) pctRef.current?.focus();
  }, [focusOnOpen]);

  const { errors, normalizedValue } = validateLimitForm(values);
  const shown = (field: Field) => ((submitted || touched.has(field)) && errors[field]) || serverErrors[field];

  function set<K extends Field>(field: K, value: LimitFormValues[K]) {
    setValues((v) => ({ ...v, [field]: value }));
    setTouched((t) => new Set(t).add(field));
    // The server judged the values as sent (a duplicate depends on four fields at once); the
    // shared schema keeps judging as you type, so its errors still show.
    setServerErrors({});
    setMessage(null);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    onSubmitStart?.();
    if (Object.keys(errors).length > 0) {
      setMessage("Fix the highlighted fields first.");
      return;
    }
    startTransition(async () => {
      const input = toLimitInput(values);
      const result = editingId ? await updateLimitAction({ ...input, id: editingId }) : await createLimitAction(input);
      if (result.ok) return onDone(editingId ? "Limit saved." : "Limit created.");
      const fieldErrors: LimitFieldErrors = {};
      for (const [field, text] of Object.entries(result.fieldErrors))
        if (isLimitField(field)) fieldErrors[field] = text;
      setServerErrors(fieldErrors);
      setMessage(result.message);
    });
  }

  const f = (name: Field) => `${id}-${name}`;
  const options = valueOptions[values.dimensionType];
  const valueHint = normalizedValue
    ? `Saved as “${normalizedValue}”.`
    : values.dimensionValue.trim() === ""
      ? "Blank: the limit applies to every value."
      : undefined;

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={editingId ? "Edit limit" : "New limit"}
      data-testid="limit-form"
      className="space-y-3"
    >
      <div className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
        <LimitField id={f("dimensionType")} label="Dimension" error={shown("dimensionType")}>
          <select
            id={f("dimensionType")}
            name="dimensionType"
            value={values.dimensionType}
            onChange={(e) => set("dimensionType", e.target.value as Dimension)}
            className={controlClass(false)}
          >
            {DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {DIMENSION_LABELS[d]}
              </option>
            ))}
          </select>
        </LimitField>
        <LimitField
          id={f("dimensionValue")}
          label="Value (blank for every value)"
          error={shown("dimensionValue")}
          hint={valueHint}
        >
          <input
            id={f("dimensionValue")}
            name="dimensionValue"
            list={options.length > 0 ? `${id}-values` : undefined}
            value={values.dimensionValue}
            onChange={(e) => set("dimensionValue", e.target.value)}
            placeholder="every value"
            autoComplete="off"
            className={controlClass(Boolean(shown("dimensionValue")))}
            {...describedBy(f("dimensionValue"), shown("dimensionValue"), Boolean(valueHint))}
          />
          <datalist id={`${id}-values`}>
            {options.map((o) => (
              <option key={o.value} value={o.value} label={o.label} />
            ))}
          </datalist>
        </LimitField>
        <fieldset className="pb-5">
          <legend className="mb-1 text-xs font-medium text-muted">Type</legend>
          <div className="flex gap-4 py-1.5 text-sm">
            {(["maximum", "minimum"] as const).map((type) => (
              <label key={type} className="inline-flex items-center gap-1.5">
                <input
                  type="radio"
                  name="thresholdType"
                  value={type}
                  checked={values.thresholdType === type}
                  onChange={() => set("thresholdType", type)}
                />
                {type === "maximum" ? "Maximum (at most)" : "Minimum (at least)"}
              </label>
            ))}
          </div>
        </fieldset>
        <LimitField id={f("thresholdPct")} label="Threshold (% of portfolio value)" error={shown("thresholdPct")}>
          <input
            ref={pctRef}
            id={f("thresholdPct")}
            name="thresholdPct"
            type="number"
            inputMode="decimal"
            step="any"
            value={values.thresholdPct}
            onChange={(e) => set("thresholdPct", e.target.value)}
            className={controlClass(Boolean(shown("thresholdPct")))}
            {...describedBy(f("thresholdPct"), shown("thresholdPct"), false)}
          />
        </LimitField>
        <LimitField id={f("severityLevel")} label="Severity of its alerts" error={shown("severityLevel")}>
          <select
            id={f("severityLevel")}
            name="severityLevel"
            value={values.severityLevel}
            onChange={(e) => set("severityLevel", e.target.value as Severity)}
            className={controlClass(false)}
          >
            <option value="warning">Warning</option>
            <option value="critical">Critical</option>
          </select>
        </LimitField>
        <div className="flex items-center pt-4">
          <label className="inline-flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="isActive"
              checked={values.isActive}
              onChange={(e) => set("isActive", e.target.checked)}
            />
            Active (checked on every run)
          </label>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Saving…" : editingId ? "Save changes" : "Create limit"}
        </Button>
        <Button onClick={onCancel} disabled={pending}>
          {editingId ? "Cancel" : "Clear"}
        </Button>
        <p role="alert" data-testid="limit-form-message" className="text-sm font-medium text-breach">
          {message}
        </p>
      </div>
    </form>
  );
}

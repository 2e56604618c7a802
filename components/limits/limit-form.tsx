"use client";

import { type FormEvent, useEffect, useId, useRef, useState, useTransition } from "react";
import { createLimitAction, updateLimitAction } from "@/lib/actions/limits";
import { DIMENSION_LABELS } from "@/lib/display/labels";
import { defaultBandPp } from "@/lib/engine/limit-kinds";
import {
  BASES,
  type Basis,
  DIMENSIONS,
  type Dimension,
  LIMIT_KINDS,
  type LimitKind,
  type Severity,
} from "@/lib/engine/types";
import { MAX_LIMIT_NOTE_LENGTH } from "@/lib/schemas";
import { Button } from "../ui/button";
import { controlClass, describedBy, LimitField } from "./limit-field";
import {
  type LimitField as Field,
  isLimitField,
  kindShows,
  type LimitFieldErrors,
  type LimitFormValues,
  NUMBER_FIELDS,
  toLimitInput,
  validateLimitForm,
} from "./limit-form-state";
import { BASIS_LABELS, KIND_LABELS } from "./limit-rule";

type NumberInput = (typeof NUMBER_FIELDS)[number];

const AMOUNT_UNIT = { value: "$", units: "units", positions: "positions" } as const;
const SHARE_OF = { value: "portfolio value", units: "units", positions: "positions" } as const;

function numberLabel(field: NumberInput, values: LimitFormValues): string {
  switch (field) {
    case "thresholdPct":
      return values.kind === "top_n"
        ? `Their combined share (% of ${SHARE_OF[values.basis]})`
        : `Threshold (% of ${SHARE_OF[values.basis]})`;
    case "thresholdAmount":
      return `Amount (${AMOUNT_UNIT[values.basis]})`;
    case "thresholdCount":
      return "Number of values";
    case "topN":
      return "How many of the largest values";
    case "thresholdHhi":
      return "HHI at most (0–10,000)";
    case "targetPct":
      return `Target (% of ${SHARE_OF[values.basis]})`;
    case "bandPp":
      return "Band (± pp; blank for the default)";
  }
}

/** The default band for the target as typed: the larger of 20 % of it and 1 pp. */
function bandHint(values: LimitFormValues): string | undefined {
  if (values.bandPp.trim() !== "") return undefined;
  const target = Number(values.targetPct);
  if (values.targetPct.trim() === "" || !Number.isFinite(target))
    return "Default: the larger of 20 % of the target and 1 pp.";
  return `Default: ± ${defaultBandPp(target).toFixed(1)} pp.`;
}

const NOTE_HINT = `Optional: why the limit is there, who agreed it. Shown with the limit and its alerts; at most ${MAX_LIMIT_NOTE_LENGTH.toLocaleString("en-US")} characters.`;

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
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusOnOpen) firstRef.current?.focus();
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
        <LimitField id={f("kind")} label="Kind" error={shown("kind")}>
          <select
            id={f("kind")}
            name="kind"
            value={values.kind}
            onChange={(e) => set("kind", e.target.value as LimitKind)}
            className={controlClass(false)}
          >
            {LIMIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </LimitField>
        <LimitField id={f("basis")} label="Counted in" error={shown("basis")}>
          <select
            id={f("basis")}
            name="basis"
            value={values.basis}
            onChange={(e) => set("basis", e.target.value as Basis)}
            className={controlClass(false)}
          >
            {BASES.map((b) => (
              <option key={b} value={b}>
                {BASIS_LABELS[b]}
              </option>
            ))}
          </select>
        </LimitField>
        {kindShows(values.kind, "dimensionValue") && (
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
        )}
        {kindShows(values.kind, "thresholdType") && (
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
        )}
        {NUMBER_FIELDS.filter((field) => kindShows(values.kind, field)).map((field, index) => (
          <LimitField
            key={field}
            id={f(field)}
            label={numberLabel(field, values)}
            error={shown(field)}
            hint={field === "bandPp" ? bandHint(values) : undefined}
          >
            <input
              ref={index === 0 ? firstRef : undefined}
              id={f(field)}
              name={field}
              type={field === "thresholdAmount" ? "text" : "number"}
              inputMode={field === "topN" || field === "thresholdCount" ? "numeric" : "decimal"}
              step="any"
              value={values[field]}
              onChange={(e) => set(field, e.target.value)}
              className={controlClass(Boolean(shown(field)))}
              {...describedBy(f(field), shown(field), field === "bandPp" && Boolean(bandHint(values)))}
            />
          </LimitField>
        ))}
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
        <LimitField id={f("reference")} label="Reference" error={shown("reference")}>
          <input
            id={f("reference")}
            name="reference"
            value={values.reference}
            onChange={(e) => set("reference", e.target.value)}
            placeholder="e.g. LPA §7.2(b)"
            autoComplete="off"
            className={controlClass(Boolean(shown("reference")))}
            {...describedBy(f("reference"), shown("reference"), false)}
          />
        </LimitField>
        <LimitField id={f("note")} label="Note" error={shown("note")} hint={NOTE_HINT} className="sm:col-span-2">
          <textarea
            id={f("note")}
            name="note"
            rows={2}
            value={values.note}
            onChange={(e) => set("note", e.target.value)}
            className={controlClass(Boolean(shown("note")))}
            {...describedBy(f("note"), shown("note"), true)}
          />
        </LimitField>
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

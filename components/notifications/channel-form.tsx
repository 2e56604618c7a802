"use client";

import { type FormEvent, useEffect, useId, useRef, useState, useTransition } from "react";
import { createChannelAction, updateChannelAction } from "@/lib/actions/notifications";
import { DIMENSION_LABELS, DIMENSIONS } from "@/lib/display/dimension-labels";
import type { Dimension, Severity } from "@/lib/engine/types";
import { CHANNEL_KINDS, type ChannelKind, MIN_SECRET_LENGTH } from "@/lib/schemas";
import { controlClass, describedBy, LimitField as Field } from "../limits/limit-field";
import { Button } from "../ui/button";
import { type ChannelFormValues, kindShows, toChannelInput } from "./channel-form-state";
import { KIND_LABELS } from "./notify-labels";

const FORM_FIELDS = ["kind", "name", "portfolio", "minSeverity", "dimensions", "recipients", "url", "secret"] as const;
type FormField = (typeof FORM_FIELDS)[number];
const isField = (name: string): name is FormField => (FORM_FIELDS as readonly string[]).includes(name);

const URL_HINT: Record<ChannelKind, string> = {
  email: "",
  webhook: "The receiver's https:// address; it gets the event as JSON, signed with the secret.",
  slack: "The incoming-webhook URL from Slack (Teams and Mattermost take it too). Shown masked once saved.",
};

export interface ChannelFormProps {
  initial: ChannelFormValues;
  /** The channel being edited; null to create one. */
  editingId: string | null;
  portfolios: ReadonlyArray<{ slug: string; name: string }>;
  onDone: (message: string) => void;
  onCancel: () => void;
}

export function ChannelForm({ initial, editingId, portfolios, onDone, onCancel }: ChannelFormProps) {
  const id = useId();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const nameRef = useRef<HTMLInputElement>(null);
  // The form appears when asked for (New channel, Edit): its first field takes the focus.
  useEffect(() => nameRef.current?.focus(), []);

  function set<K extends FormField>(field: K, value: ChannelFormValues[K]) {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setMessage(null);
  }

  function toggleDimension(dimension: Dimension, on: boolean) {
    const next = on ? [...values.dimensions, dimension] : values.dimensions.filter((d) => d !== dimension);
    set(
      "dimensions",
      DIMENSIONS.filter((d) => next.includes(d)),
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const input = toChannelInput(values, editingId !== null);
      const result = editingId
        ? await updateChannelAction({ ...input, id: editingId })
        : await createChannelAction({ ...input, kind: values.kind });
      if (result.ok)
        return onDone(editingId ? `Channel “${result.data.name}” saved.` : `Channel “${result.data.name}” created.`);
      const fieldErrors: Partial<Record<FormField, string>> = {};
      for (const [field, text] of Object.entries(result.fieldErrors)) if (isField(field)) fieldErrors[field] = text;
      setErrors(fieldErrors);
      setMessage(result.message);
    });
  }

  const f = (name: FormField) => `${id}-${name}`;
  const err = (name: FormField) => errors[name];
  const secretHint = editingId
    ? "Write-only: leave blank to keep the secret set now."
    : `At least ${MIN_SECRET_LENGTH} characters; the receiver checks X-Aker-Signature with it.`;

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={editingId ? "Edit channel" : "New channel"}
      data-testid="channel-form"
      className="space-y-3"
    >
      <div className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
        <Field
          id={f("kind")}
          label="Kind"
          error={err("kind")}
          hint={editingId ? "A channel's kind cannot be changed; create a new one instead." : undefined}
        >
          <select
            id={f("kind")}
            name="kind"
            value={values.kind}
            disabled={editingId !== null}
            onChange={(e) => set("kind", e.target.value as ChannelKind)}
            className={controlClass(Boolean(err("kind")))}
            {...describedBy(f("kind"), err("kind"), editingId !== null)}
          >
            {CHANNEL_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field id={f("name")} label="Name" error={err("name")}>
          <input
            ref={nameRef}
            id={f("name")}
            name="name"
            value={values.name}
            onChange={(e) => set("name", e.target.value)}
            autoComplete="off"
            className={controlClass(Boolean(err("name")))}
            {...describedBy(f("name"), err("name"), false)}
          />
        </Field>
        {kindShows(values.kind, "recipients") && (
          <Field
            id={f("recipients")}
            label="Recipients"
            error={err("recipients")}
            hint="Email addresses, separated by commas or new lines."
            className="sm:col-span-2"
          >
            <textarea
              id={f("recipients")}
              name="recipients"
              rows={2}
              value={values.recipients}
              onChange={(e) => set("recipients", e.target.value)}
              className={controlClass(Boolean(err("recipients")))}
              {...describedBy(f("recipients"), err("recipients"), true)}
            />
          </Field>
        )}
        {kindShows(values.kind, "url") && (
          <Field
            id={f("url")}
            label="URL"
            error={err("url")}
            hint={
              editingId && values.kind === "slack"
                ? "Hidden once saved: leave blank to keep it, or paste a new one."
                : URL_HINT[values.kind]
            }
            className={kindShows(values.kind, "secret") ? undefined : "sm:col-span-2"}
          >
            <input
              id={f("url")}
              name="url"
              type="url"
              inputMode="url"
              value={values.url}
              onChange={(e) => set("url", e.target.value)}
              placeholder={
                editingId && values.kind === "slack"
                  ? "leave blank to keep"
                  : values.kind === "slack"
                    ? "https://hooks.slack.com/services/…"
                    : "https://example.com/hook"
              }
              autoComplete="off"
              className={controlClass(Boolean(err("url")))}
              {...describedBy(f("url"), err("url"), true)}
            />
          </Field>
        )}
        {kindShows(values.kind, "secret") && (
          <Field id={f("secret")} label="Secret" error={err("secret")} hint={secretHint}>
            <input
              id={f("secret")}
              name="secret"
              type="password"
              value={values.secret}
              onChange={(e) => set("secret", e.target.value)}
              placeholder={editingId ? "leave blank to keep" : undefined}
              autoComplete="new-password"
              className={controlClass(Boolean(err("secret")))}
              {...describedBy(f("secret"), err("secret"), true)}
            />
          </Field>
        )}
        <Field id={f("portfolio")} label="Portfolio" error={err("portfolio")}>
          <select
            id={f("portfolio")}
            name="portfolio"
            value={values.portfolio}
            onChange={(e) => set("portfolio", e.target.value)}
            className={controlClass(Boolean(err("portfolio")))}
            {...describedBy(f("portfolio"), err("portfolio"), false)}
          >
            <option value="">All portfolios</option>
            {portfolios.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name} ({p.slug})
              </option>
            ))}
          </select>
        </Field>
        <Field id={f("minSeverity")} label="Minimum severity" error={err("minSeverity")}>
          <select
            id={f("minSeverity")}
            name="minSeverity"
            value={values.minSeverity}
            onChange={(e) => set("minSeverity", e.target.value as Severity)}
            className={controlClass(Boolean(err("minSeverity")))}
            {...describedBy(f("minSeverity"), err("minSeverity"), false)}
          >
            <option value="warning">Warning (every alert)</option>
            <option value="critical">Critical only</option>
          </select>
        </Field>
        <fieldset className="sm:col-span-2" aria-describedby={`${f("dimensions")}-error`}>
          <legend className="mb-1 text-xs font-medium text-muted">Dimensions (none checked: all)</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1 py-1 text-sm">
            {DIMENSIONS.map((d) => (
              <label key={d} className="inline-flex items-center gap-1.5">
                <input
                  type="checkbox"
                  name="dimensions"
                  value={d}
                  checked={values.dimensions.includes(d)}
                  onChange={(e) => toggleDimension(d, e.target.checked)}
                />
                {DIMENSION_LABELS[d]}
              </label>
            ))}
          </div>
          <p
            id={`${f("dimensions")}-error`}
            aria-live="polite"
            className="mt-1 min-h-4 text-xs font-medium text-breach"
          >
            {err("dimensions") ? (
              <>
                <span aria-hidden="true">✕ </span>
                {err("dimensions")}
              </>
            ) : null}
          </p>
        </fieldset>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Saving…" : editingId ? "Save changes" : "Create channel"}
        </Button>
        <Button onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <p role="alert" data-testid="channel-form-message" className="text-sm font-medium text-breach">
          {message}
        </p>
      </div>
    </form>
  );
}

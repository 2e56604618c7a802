"use client";

import { type FormEvent, useState, useTransition } from "react";
import { updateSubscriptionAction } from "@/lib/actions/subscription";
import type { ActionResult } from "@/lib/http/action";
import type { SubscriptionMode } from "@/lib/schemas";
import type { SubscriptionDto, SubscriptionSaved } from "@/lib/services/subscriptions";
import { errorProps, inputClass } from "../admin/form-field";
import { Button } from "../ui/button";

const MODES: Array<{ value: SubscriptionMode; label: string }> = [
  { value: "immediate", label: "Immediately: an email for each alert event" },
  { value: "digest", label: "Daily digest: one email a day listing open and waived alerts" },
  { value: "none", label: "None" },
];
const HOURS = Array.from({ length: 24 }, (_, h) => h);
const hourLabel = (h: number) => `${String(h).padStart(2, "0")}:00 UTC`;

/** A field's error beside it, in a live region (announced when it appears). */
function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return (
    <p id={`${id}-error`} aria-live="polite" className="mt-1 min-h-4 text-xs font-medium text-breach">
      {error ? (
        <>
          <span aria-hidden="true">✕ </span>
          {error}
        </>
      ) : null}
    </p>
  );
}

/** The signed-in user's own notifications: how, from which severity, for which portfolios. */
export function SubscriptionForm({
  initial,
  portfolios,
}: {
  initial: SubscriptionDto;
  portfolios: ReadonlyArray<{ slug: string; name: string }>;
}) {
  const [mode, setMode] = useState<SubscriptionMode>(initial.mode);
  const [digestHour, setDigestHour] = useState(initial.digestHour);
  const [minSeverity, setMinSeverity] = useState(initial.minSeverity);
  const [chosen, setChosen] = useState<string[]>(initial.portfolios);
  const [result, setResult] = useState<ActionResult<SubscriptionSaved> | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = result && !result.ok ? result.fieldErrors : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      setResult(await updateSubscriptionAction({ mode, digestHour, minSeverity, portfolios: chosen }));
    });
  };
  const toggle = (slug: string, on: boolean) =>
    setChosen((list) => (on ? [...list, slug] : list.filter((s) => s !== slug)));

  return (
    <form onSubmit={submit} aria-label="Notifications" data-testid="subscription-form" noValidate className="space-y-4">
      <fieldset {...errorProps("subscription-mode", errors.mode)}>
        <legend className="mb-1 text-xs font-medium text-muted">Email me</legend>
        {MODES.map((m) => (
          <label key={m.value} className="flex items-center gap-2 py-1 text-sm">
            <input
              type="radio"
              name="mode"
              value={m.value}
              checked={mode === m.value}
              onChange={() => setMode(m.value)}
            />
            {m.label}
          </label>
        ))}
        <FieldError id="subscription-mode" error={errors.mode} />
      </fieldset>

      {mode === "digest" && (
        <div className="max-w-xs">
          <label htmlFor="subscription-hour" className="mb-1 block text-xs font-medium text-muted">
            Send the digest at
          </label>
          <select
            id="subscription-hour"
            value={digestHour}
            onChange={(e) => setDigestHour(Number(e.target.value))}
            className={inputClass(!!errors.digestHour)}
            {...errorProps("subscription-hour", errors.digestHour)}
          >
            {HOURS.map((h) => (
              <option key={h} value={h}>
                {hourLabel(h)}
              </option>
            ))}
          </select>
          <FieldError id="subscription-hour" error={errors.digestHour} />
        </div>
      )}

      <div className="max-w-xs">
        <label htmlFor="subscription-severity" className="mb-1 block text-xs font-medium text-muted">
          Minimum severity
        </label>
        <select
          id="subscription-severity"
          value={minSeverity}
          onChange={(e) => setMinSeverity(e.target.value === "critical" ? "critical" : "warning")}
          className={inputClass(!!errors.minSeverity)}
          {...errorProps("subscription-severity", errors.minSeverity)}
        >
          <option value="warning">Warning and critical</option>
          <option value="critical">Critical only</option>
        </select>
        <FieldError id="subscription-severity" error={errors.minSeverity} />
      </div>

      <fieldset {...errorProps("subscription-portfolios", errors.portfolios)}>
        <legend className="mb-1 text-xs font-medium text-muted">Portfolios (none ticked: all, new ones too)</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {portfolios.map((p) => (
            <label key={p.slug} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="portfolios"
                value={p.slug}
                checked={chosen.includes(p.slug)}
                onChange={(e) => toggle(p.slug, e.target.checked)}
              />
              {p.name}
            </label>
          ))}
        </div>
        <FieldError id="subscription-portfolios" error={errors.portfolios} />
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
        <p
          role="status"
          aria-live="polite"
          data-testid="subscription-message"
          className={`text-sm ${result?.ok && !result.data.warning ? "text-within" : "font-medium text-breach"}`}
        >
          {result?.ok ? (result.data.warning ?? `Saved: email goes to ${result.data.email}.`) : result?.message}
        </p>
      </div>
    </form>
  );
}

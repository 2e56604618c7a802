"use client";

import { useActionState, useId, useState } from "react";
import { recomputeAction } from "@/lib/actions/runs";
import { formatCount, formatDate } from "@/lib/display/format";
import { Button } from "../ui/button";

type RecomputeResult = Awaited<ReturnType<typeof recomputeAction>>;

function outcome(result: RecomputeResult): string {
  if (!result.ok) return result.message;
  const { opened, resolved, positionCount, asOfDate } = result.data;
  const alerts = [
    opened && `${opened} alert${opened === 1 ? "" : "s"} opened`,
    resolved && `${resolved} resolved`,
  ].filter(Boolean);
  return `Recomputed ${formatCount(positionCount)} positions as of ${formatDate(asOfDate)}${alerts.length ? `: ${alerts.join(", ")}` : ""}.`;
}

/** As-of date picker (default today, UTC) and the Recompute button. */
export function RecomputeForm({ today }: { today: string }) {
  const [result, action, pending] = useActionState<RecomputeResult | null, FormData>(
    (_, formData) => recomputeAction(formData),
    null,
  );
  const id = useId();
  // Controlled, so the chosen date survives React's form reset after the action.
  const [date, setDate] = useState(today);
  const fieldError = result && !result.ok ? result.fieldErrors.asOfDate : undefined;
  return (
    <form action={action} className="flex flex-col items-start gap-1" data-testid="recompute-form">
      <div className="flex flex-wrap items-end gap-2">
        <label htmlFor={`${id}-date`} className="flex flex-col text-xs font-medium text-muted">
          As-of date
          <input
            id={`${id}-date`}
            name="asOfDate"
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={`${id}-status`}
            className="mt-1 rounded-md border border-border bg-surface px-2 py-1.5 text-sm text-text"
          />
        </label>
        <Button type="submit" variant="primary" disabled={pending} aria-busy={pending}>
          {pending ? "Recomputing…" : "Recompute"}
        </Button>
      </div>
      <p
        id={`${id}-status`}
        aria-live="polite"
        className={`min-h-4 max-w-xs text-xs ${result && !result.ok ? "text-breach" : "text-muted"}`}
      >
        {result ? outcome(result) : ""}
      </p>
    </form>
  );
}

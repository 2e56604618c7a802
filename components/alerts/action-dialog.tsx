"use client";

import { type FormEvent, useEffect, useRef, useState, useTransition } from "react";
import {
  type AlertActionOutcome,
  acknowledgeAlertsAction,
  resolveAlertsAction,
  unwaiveAlertsAction,
  waiveAlertsAction,
} from "@/lib/actions/alerts";
import { Button } from "../ui/button";
import type { AlertActionKind } from "./alert-row";

export interface PendingAction {
  kind: AlertActionKind;
  ids: string[];
  /** The messages of the alerts acted on, to show what is about to change. */
  messages: string[];
}

const VERB = { acknowledge: "Acknowledge", resolve: "Resolve", waive: "Waive", unwaive: "End waiver" } as const;
const DOING = {
  acknowledge: "Acknowledging",
  resolve: "Resolving",
  waive: "Waiving",
  unwaive: "Ending the waiver",
} as const;
const PLACEHOLDER = {
  acknowledge: "e.g. selling two assets in Q3",
  resolve: "e.g. limit raised after review",
  waive: "e.g. approved by the investment committee on 12 Nov for Q4",
  unwaive: "e.g. the committee withdrew its approval",
} as const;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
/** A waiver's date picker: from today to a year from today (the server checks the same). */
function waiverRange(): { min: string; max: string } {
  const today = new Date();
  const max = new Date(today);
  max.setUTCFullYear(max.getUTCFullYear() + 1);
  return { min: isoDay(today), max: isoDay(max) };
}

interface ActionDialogProps {
  action: PendingAction | null;
  onCancel: () => void;
  onDone: (action: PendingAction, result: AlertActionOutcome) => void;
}

/** A modal form (native <dialog>: focus is trapped, Escape cancels) for acknowledging or resolving one or many alerts. */
export function ActionDialog({ action, onCancel, onDone }: ActionDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (action && !el.open) el.showModal();
    if (!action && el.open) el.close();
  }, [action]);

  return (
    <dialog
      ref={dialog}
      data-testid="alert-action-dialog"
      aria-labelledby="alert-action-title"
      onCancel={(e) => {
        e.preventDefault();
        if (!pending) onCancel();
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-card border border-border bg-surface p-0 text-text shadow-xl backdrop:bg-black/40"
    >
      {action && (
        <ActionForm
          key={action.ids.join(",") + action.kind}
          action={action}
          pending={pending}
          startTransition={startTransition}
          onCancel={onCancel}
          onDone={onDone}
        />
      )}
    </dialog>
  );
}

interface ActionFormProps {
  action: PendingAction;
  pending: boolean;
  startTransition: (fn: () => Promise<void>) => void;
  onCancel: () => void;
  onDone: ActionDialogProps["onDone"];
}

function ActionForm({ action, pending, startTransition, onCancel, onDone }: ActionFormProps) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const count = action.ids.length;
  const verb = VERB[action.kind];
  const title =
    action.kind === "unwaive"
      ? count === 1
        ? "End the waiver"
        : `End ${count} waivers`
      : count === 1
        ? `${verb} alert`
        : `${verb} ${count} alerts`;

  const waive = action.kind === "waive";
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (pending) return;
    const form = new FormData(e.currentTarget);
    const comment = String(form.get("comment") ?? "");
    startTransition(async () => {
      try {
        const result =
          action.kind === "waive"
            ? await waiveAlertsAction({ ids: action.ids, reason: comment, until: String(form.get("until") ?? "") })
            : await {
                acknowledge: acknowledgeAlertsAction,
                resolve: resolveAlertsAction,
                unwaive: unwaiveAlertsAction,
              }[action.kind]({ ids: action.ids, comment });
        if (result.ok) onDone(action, result.data);
        else setErrors({ form: result.message, ...result.fieldErrors });
      } catch {
        setErrors({ form: "The server could not be reached; nothing was changed. Try again." });
      }
    });
  };

  return (
    <form onSubmit={submit} noValidate className="p-5">
      <h2 id="alert-action-title" className="text-lg font-semibold">
        {title}
      </h2>
      <ul className="mt-2 max-h-32 list-disc space-y-1 overflow-y-auto pl-5 text-sm text-muted">
        {action.messages.slice(0, 5).map((m, i) => (
          <li key={i}>{m}</li>
        ))}
        {count > 5 && <li>and {count - 5} more</li>}
      </ul>
      <p className="mt-4 text-xs text-muted">The history records you, the signed-in user, as having done this.</p>
      {waive && (
        <>
          <p className="mt-2 text-xs text-muted">
            A waived alert leaves the open list and sends no notifications until the date below; if the breach is still
            there after it, the alert is active again.
          </p>
          <label htmlFor="alert-action-until" className="mt-2 block text-sm font-medium">
            Waived until <span className="text-muted">(inclusive, at most a year)</span>
          </label>
          <input
            id="alert-action-until"
            name="until"
            type="date"
            required
            data-testid="action-until"
            {...waiverRange()}
            aria-describedby="alert-action-until-error"
            className="mt-1 rounded-md border border-border bg-surface px-2 py-1.5 text-sm"
          />
          <p id="alert-action-until-error" aria-live="polite" className="mt-1 min-h-4 text-xs text-breach">
            {errors.until}
          </p>
        </>
      )}
      <label htmlFor="alert-action-comment" className="mt-2 block text-sm font-medium">
        {waive ? (
          "Reason"
        ) : (
          <>
            Comment <span className="text-muted">(optional)</span>
          </>
        )}
      </label>
      <textarea
        id="alert-action-comment"
        name="comment"
        data-testid="action-comment"
        rows={3}
        maxLength={2000}
        // biome-ignore lint/a11y/noAutofocus: the dialog opens to write its comment; focus belongs there.
        autoFocus
        aria-describedby="alert-action-comment-error"
        required={waive}
        placeholder={PLACEHOLDER[action.kind]}
        className="mt-1 w-full rounded-md border border-border bg-surface px-2 py-1.5 text-sm"
      />
      <p id="alert-action-comment-error" aria-live="polite" className="mt-1 min-h-4 text-xs text-breach">
        {errors.comment ?? errors.reason ?? errors.form ?? errors.ids}
      </p>
      <div className="mt-3 flex justify-end gap-2">
        <Button onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        {/* aria-disabled, not disabled: a disabled button drops keyboard focus to <body> while the action runs. */}
        <Button
          type="submit"
          variant="primary"
          aria-disabled={pending}
          data-testid="action-submit"
          className={pending ? "opacity-60" : ""}
        >
          {pending ? `${DOING[action.kind]}…` : count === 1 ? verb : `${verb} ${count}`}
        </Button>
      </div>
    </form>
  );
}

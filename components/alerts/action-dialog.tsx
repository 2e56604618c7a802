"use client";

import { type FormEvent, useEffect, useRef, useState, useTransition } from "react";
import { type AlertActionOutcome, acknowledgeAlertsAction, resolveAlertsAction } from "@/lib/actions/alerts";
import { Button } from "../ui/button";
import type { AlertActionKind } from "./alert-row";

export interface PendingAction {
  kind: AlertActionKind;
  ids: string[];
  /** The messages of the alerts acted on, to show what is about to change. */
  messages: string[];
}

const VERB = { acknowledge: "Acknowledge", resolve: "Resolve" } as const;

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
  const title = count === 1 ? `${verb} alert` : `${verb} ${count} alerts`;

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (pending) return;
    const comment = String(new FormData(e.currentTarget).get("comment") ?? "");
    startTransition(async () => {
      const run = action.kind === "acknowledge" ? acknowledgeAlertsAction : resolveAlertsAction;
      try {
        const result = await run({ ids: action.ids, comment });
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
      <label htmlFor="alert-action-comment" className="mt-2 block text-sm font-medium">
        Comment <span className="text-muted">(optional)</span>
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
        placeholder={action.kind === "acknowledge" ? "e.g. selling two assets in Q3" : "e.g. limit raised after review"}
        className="mt-1 w-full rounded-md border border-border bg-surface px-2 py-1.5 text-sm"
      />
      <p id="alert-action-comment-error" aria-live="polite" className="mt-1 min-h-4 text-xs text-breach">
        {errors.comment ?? errors.form ?? errors.ids}
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
          {pending
            ? `${verb === "Acknowledge" ? "Acknowledging" : "Resolving"}…`
            : count === 1
              ? verb
              : `${verb} ${count}`}
        </Button>
      </div>
    </form>
  );
}

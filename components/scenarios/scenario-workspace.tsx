"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import {
  commitScenarioAction,
  deleteScenarioAction,
  saveScenarioAction,
  updateScenarioAction,
} from "@/lib/actions/scenarios";
import type { ScenarioEvaluation } from "@/lib/engine/scenario";
import { Button } from "../ui/button";
import { download, ExportTradesButton } from "./export-trades-button";
import { breachLines, commitLines, evaluationFile, hasUnsavedChanges, shockNote } from "./saved-model";
import { ScenarioBuilder, type ScenarioBuilderProps } from "./scenario-builder";
import type { ScenarioState } from "./scenario-state";

/** A saved scenario as the page hands it over (the REST API's ScenarioDetail, less its evaluation). */
export interface SavedScenario {
  id: string;
  name: string;
  description: string | null;
  trades: unknown[];
  shocks: unknown[];
  committedAt: string | null;
  committedBy: string | null;
}

type WorkspaceProps = Omit<ScenarioBuilderProps, "actions" | "initialTrades" | "initialShocks"> & {
  saved: SavedScenario | null;
  canManage: boolean;
};

/**
 * The builder with what a scenario can become: exported (its trades as CSV, its evaluation as
 * JSON), saved and shared by link, and, for a manager, committed to the book after a confirmation
 * that lists what will change.
 */
export function ScenarioWorkspace({ saved, canManage, ...builder }: WorkspaceProps) {
  const savedState: ScenarioState = { trades: saved?.trades ?? [], shocks: saved?.shocks ?? [] };
  return (
    <ScenarioBuilder
      {...builder}
      initialTrades={savedState.trades}
      initialShocks={savedState.shocks}
      actions={(state, evaluation) => (
        <ScenarioActions
          saved={saved}
          savedState={savedState}
          state={state}
          evaluation={evaluation}
          canManage={canManage}
        />
      )}
    />
  );
}

function ScenarioActions({
  saved,
  savedState,
  state,
  evaluation,
  canManage,
}: {
  saved: SavedScenario | null;
  savedState: ScenarioState;
  state: ScenarioState;
  evaluation: ScenarioEvaluation | null;
  canManage: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "done"; text: string } | null>(null);
  const saveDialog = useRef<HTMLDialogElement>(null);
  const commitDialog = useRef<HTMLDialogElement>(null);
  const unsaved = saved !== null && hasUnsavedChanges(savedState, state);
  const committed = saved?.committedAt != null;
  const name = saved?.name ?? null;

  const run = (work: () => Promise<void>) =>
    startTransition(async () => {
      setMessage(null);
      await work();
    });

  const saveChanges = () =>
    run(async () => {
      if (!saved) return;
      const result = await updateScenarioAction({ id: saved.id, trades: state.trades, shocks: state.shocks });
      if (!result.ok) return setMessage({ tone: "error", text: result.message });
      setMessage({ tone: "done", text: "Changes saved." });
      router.refresh();
    });

  const commit = () =>
    run(async () => {
      if (!saved) return;
      commitDialog.current?.close();
      const result = await commitScenarioAction({ id: saved.id });
      if (!result.ok) return setMessage({ tone: "error", text: result.message });
      const { bought, sold, changed, run: today } = result.data;
      setMessage({
        tone: "done",
        text: `Committed: ${bought} bought, ${sold} sold, ${changed} changed; ${today ? "today's run recomputed" : "no positions are left, so no run was computed"}.`,
      });
      router.refresh();
    });

  const remove = () =>
    run(async () => {
      if (!saved || !window.confirm(`Delete the scenario "${saved.name}"? The book is not touched.`)) return;
      const result = await deleteScenarioAction({ id: saved.id });
      if (!result.ok) return setMessage({ tone: "error", text: result.message });
      router.push("/scenarios");
    });

  return (
    <>
      <ExportTradesButton name={name} trades={state.trades} />
      <Button disabled={!evaluation} onClick={() => evaluation && download(evaluationFile(name, state, evaluation))}>
        Export evaluation (JSON)
      </Button>
      {canManage && !committed && saved === null && (
        <Button variant="primary" disabled={pending} onClick={() => saveDialog.current?.showModal()}>
          Save…
        </Button>
      )}
      {canManage && !committed && saved !== null && (
        <>
          <Button variant="primary" disabled={pending || !unsaved} onClick={saveChanges}>
            Save changes
          </Button>
          <Button
            disabled={pending || unsaved || state.trades.length === 0}
            title={unsaved ? "Save your changes first: a commit applies the saved scenario." : undefined}
            onClick={() => commitDialog.current?.showModal()}
          >
            Commit…
          </Button>
          <Button variant="ghost" disabled={pending} onClick={remove}>
            Delete
          </Button>
        </>
      )}
      {message && (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          className={`w-full text-sm ${message.tone === "error" ? "text-breach" : "text-within"}`}
          data-testid="scenario-message"
        >
          {message.text}
        </p>
      )}
      <SaveDialog dialog={saveDialog} state={state} />
      {saved && (
        <dialog
          ref={commitDialog}
          aria-labelledby="commit-title"
          className="m-auto w-full max-w-lg rounded-card border border-border bg-surface p-4 text-text shadow-lg backdrop:bg-black/40"
        >
          <h2 id="commit-title" className="text-base font-semibold">
            Commit “{saved.name}” to the book?
          </h2>
          <p className="mt-1 text-sm text-muted">
            In one transaction the book changes as listed, the change is recorded in the import history and the audit
            log, and today's run is recomputed.
          </p>
          <ul className="mt-3 list-disc space-y-1 pl-5 text-sm" data-testid="commit-lines">
            {commitLines(saved.trades).map((line, i) => (
              // Two trades may read the same: the list is the trades, in order.
              <li key={`${i}:${line}`}>{line}</li>
            ))}
          </ul>
          {shockNote(saved.shocks) && <p className="mt-2 text-sm text-muted">{shockNote(saved.shocks)}</p>}
          {breachLines(evaluation).length > 0 && (
            <ul className="mt-2 space-y-1 text-sm text-breach">
              {breachLines(evaluation).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
          <div className="mt-4 flex justify-end gap-2">
            <Button onClick={() => commitDialog.current?.close()}>Cancel</Button>
            <Button variant="danger" disabled={pending} onClick={commit}>
              Commit to the book
            </Button>
          </div>
        </dialog>
      )}
    </>
  );
}

function SaveDialog({ dialog, state }: { dialog: React.RefObject<HTMLDialogElement | null>; state: ScenarioState }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const submit = (form: FormData) =>
    startTransition(async () => {
      const result = await saveScenarioAction({
        name: String(form.get("name") ?? ""),
        description: String(form.get("description") ?? "").trim() || null,
        trades: state.trades,
        shocks: state.shocks,
      });
      if (!result.ok) {
        setErrors(result.fieldErrors);
        setFailure(result.message);
        return;
      }
      dialog.current?.close();
      router.push(`/scenarios/${result.data.id}`);
    });
  return (
    <dialog
      ref={dialog}
      aria-labelledby="save-title"
      className="m-auto w-full max-w-md rounded-card border border-border bg-surface p-4 text-text shadow-lg backdrop:bg-black/40"
    >
      <form action={submit} className="space-y-3">
        <h2 id="save-title" className="text-base font-semibold">
          Save the scenario
        </h2>
        <label className="block text-sm">
          <span className="font-medium">Name</span>
          <input
            name="name"
            required
            maxLength={200}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? "save-name-error" : undefined}
            className="mt-1 w-full rounded-md border border-border bg-surface px-2 py-1.5"
          />
          {errors.name && (
            <span id="save-name-error" className="text-xs text-breach">
              Name {errors.name}
            </span>
          )}
        </label>
        <label className="block text-sm">
          <span className="font-medium">Description (optional)</span>
          <textarea
            name="description"
            maxLength={2000}
            rows={3}
            className="mt-1 w-full rounded-md border border-border bg-surface px-2 py-1.5"
          />
        </label>
        {failure && (
          <p role="alert" className="text-sm text-breach">
            {failure}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={() => dialog.current?.close()}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={pending}>
            Save
          </Button>
        </div>
      </form>
    </dialog>
  );
}

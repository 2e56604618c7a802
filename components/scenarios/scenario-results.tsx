"use client";

import { useMemo } from "react";
import type { ScenarioEvaluation } from "@/lib/engine/scenario";
import type { Limit } from "@/lib/engine/types";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { AffectedBars } from "./affected-bars";
import { BreachTable } from "./breach-table";
import type { ApiError } from "./fetchers";
import type { ValueLabeller } from "./labels";
import { affectedBars } from "./scenario-model";
import { type LocatedIssues, refusedEntries } from "./scenario-state";
import { VerdictBanner } from "./verdict-banner";

/** What the verdict region says: announced (aria-live) whenever it changes. */
function VerdictRegion({
  empty,
  evaluation,
  refusal,
  issues,
  failure,
  onRetry,
}: {
  empty: boolean;
  evaluation: ScenarioEvaluation | null;
  refusal: ApiError | null;
  issues: LocatedIssues;
  failure: string | null;
  onRetry: () => void;
}) {
  if (empty)
    return (
      <p data-testid="scenario-empty" className="text-sm text-muted">
        Add a purchase, a sale, a revaluation or a shock. The verdict, the values that move against their limits and the
        breach diff appear here as you edit; nothing is stored.
      </p>
    );
  if (refusal) {
    const entries = refusedEntries(issues);
    const otherIssues = issues.other;
    return (
      <div data-testid="scenario-refused" className="rounded-md border border-breach/40 bg-breach-bg px-3 py-2 text-sm">
        <p className="font-semibold text-breach">
          <span aria-hidden="true">✕ </span>Not evaluated: the server refused the scenario.
        </p>
        {entries ? (
          <p className="mt-1">{entries}, marked ✕ in the list. Fix or remove what is marked to see the result.</p>
        ) : (
          <p className="mt-1">{refusal.message}</p>
        )}
        {otherIssues.length > 0 && (
          <ul className="mt-1 list-inside list-disc">
            {otherIssues.map((i) => (
              <li key={`${i.field}:${i.message}`}>
                <code className="font-mono">{i.field}</code>: {i.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  if (failure)
    return (
      <div className="rounded-md border border-breach/40 bg-breach-bg px-3 py-2 text-sm">
        <p className="font-semibold text-breach">Could not evaluate the scenario ({failure}).</p>
        <Button className="mt-2" onClick={onRetry}>
          Retry
        </Button>
      </div>
    );
  if (!evaluation) return <p className="text-sm text-muted">Evaluating…</p>;
  return <VerdictBanner evaluation={evaluation} />;
}

/** The verdict, the values moved against their limits, and the breach diff, for the scenario as it stands. */
export function ScenarioResults({
  empty,
  evaluation,
  pending,
  refusal,
  issues,
  failure,
  onRetry,
  limits,
  labelOf,
}: {
  empty: boolean;
  evaluation: ScenarioEvaluation | null;
  /** An edit is waiting to be evaluated, or its request is under way. */
  pending: boolean;
  refusal: ApiError | null;
  issues: LocatedIssues;
  failure: string | null;
  onRetry: () => void;
  limits: readonly Limit[];
  labelOf: ValueLabeller;
}) {
  const bars = useMemo(() => (evaluation ? affectedBars(evaluation, limits) : []), [evaluation, limits]);
  const shown = !empty && !refusal && !failure && evaluation;
  return (
    <>
      <Card
        title="Result"
        actions={
          <p className="text-xs text-muted" data-testid="evaluation-state">
            {empty ? "" : pending ? "Evaluating…" : refusal || failure ? "Not evaluated" : "Up to date"}
          </p>
        }
      >
        <div role="status" aria-live="polite" aria-atomic="true" data-testid="verdict-region">
          <VerdictRegion
            empty={empty}
            evaluation={evaluation}
            refusal={refusal}
            issues={issues}
            failure={failure}
            onRetry={onRetry}
          />
        </div>
      </Card>
      {shown && (
        <>
          <Card title="Values against their limits, before and after">
            <AffectedBars bars={bars} labelOf={labelOf} />
          </Card>
          <Card title="Breaches before and after">
            <BreachTable breaches={evaluation.breaches} labelOf={labelOf} />
          </Card>
        </>
      )}
    </>
  );
}

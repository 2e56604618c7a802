"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ReactNode, useMemo, useState } from "react";
import type { Dimension, Limit } from "@/lib/engine/types";
import { queryKeys } from "../query-keys";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { BuilderTabs } from "./builder-tabs";
import { ApiError, evaluateScenario, isRefusal, type PositionDto, type ScenarioEvaluation } from "./fetchers";
import { labellerFor } from "./labels";
import type { MsaChoice } from "./msa-picker";
import { PurchaseForm } from "./purchase-form";
import { ScenarioResults } from "./scenario-results";
import {
  addEntry,
  type EntryKind,
  isEmptyScenario,
  locateIssues,
  removeEntry,
  replaceEntry,
  type ScenarioState,
} from "./scenario-state";
import { ShockForm } from "./shock-form";
import { ShockList } from "./shock-list";
import { TradeForm } from "./trade-form";
import { TradeList } from "./trade-list";
import { useDebounced } from "./use-debounced";

/** How long the builder waits after an edit before it asks the server again. */
export const EVALUATE_DEBOUNCE_MS = 300;

export interface ScenarioBuilderProps {
  portfolio: string;
  /** The active limits, so each moved value can be drawn against its own. */
  limits: readonly Limit[];
  /** The values each dimension takes in the book: suggestions for purchases and shocks. */
  bookValues: Record<Dimension, string[]>;
  /** CBSA titles of the MSAs the book and the limits name (the rest arrive as they are picked). */
  msaNames: Readonly<Record<string, string>>;
  /** A scenario to start from, in the REST API's shape (a saved one, say). */
  initialTrades?: readonly unknown[];
  initialShocks?: readonly unknown[];
  /**
   * Extra controls beside the scenario (save, commit, export): they get the current state and its
   * evaluation, null while the state has not been evaluated as it stands or is invalid.
   */
  actions?: (state: ScenarioState, evaluation: ScenarioEvaluation | null) => ReactNode;
}

type TabKey = "buy" | "sell" | "shock";

/**
 * A what-if of the current book: trades and shocks in the REST API's raw shape, evaluated by the
 * server as they are edited (debounced), with the verdict, the values moved against their limits,
 * the breach diff and, for a purchase, the largest amount that fits.
 */
export function ScenarioBuilder({
  portfolio,
  limits,
  bookValues,
  msaNames,
  initialTrades = [],
  initialShocks = [],
  actions,
}: ScenarioBuilderProps) {
  const [state, setState] = useState<ScenarioState>(() => ({ trades: [...initialTrades], shocks: [...initialShocks] }));
  const [tab, setTab] = useState<TabKey>("buy");
  const [names, setNames] = useState<Readonly<Record<string, string>>>(msaNames);
  const [known, setKnown] = useState<ReadonlyMap<string, PositionDto>>(new Map());
  const labelOf = useMemo(() => labellerFor(names), [names]);

  const settled = useDebounced(state, EVALUATE_DEBOUNCE_MS);
  const empty = isEmptyScenario(settled);
  const evaluation = useQuery({
    queryKey: queryKeys.scenarioEvaluation(portfolio, settled),
    queryFn: ({ signal }) => evaluateScenario(portfolio, settled, signal),
    enabled: !empty,
    placeholderData: keepPreviousData,
    retry: (count, error) => !isRefusal(error) && count < 2,
  });
  const refusal = evaluation.error instanceof ApiError && isRefusal(evaluation.error) ? evaluation.error : null;
  const issues = useMemo(() => locateIssues(refusal?.details ?? []), [refusal]);
  const current =
    !empty && settled === state && !evaluation.isPlaceholderData && !evaluation.isError
      ? (evaluation.data ?? null)
      : null;

  const rememberMsa = (msa: MsaChoice) => {
    if (msa.title) setNames((n) => ({ ...n, [msa.code]: msa.title ?? "" }));
  };
  const onEntry = (kind: EntryKind) => ({
    onChange: (index: number, entry: unknown) => setState((s) => replaceEntry(s, kind, index, entry)),
    onRemove: (index: number) => setState((s) => removeEntry(s, kind, index)),
  });

  const tabs = [
    {
      key: "buy" as const,
      label: "Buy",
      panel: (
        <PurchaseForm
          portfolio={portfolio}
          choices={bookValues}
          labelOf={labelOf}
          onAdd={(trade, msa) => {
            rememberMsa(msa);
            setState((s) => addEntry(s, "trades", trade));
          }}
        />
      ),
    },
    {
      key: "sell" as const,
      label: "Sell or revalue",
      panel: (
        <TradeForm
          portfolio={portfolio}
          onAdd={(trade, position) => {
            if (position.positionId) setKnown((k) => new Map(k).set(position.positionId ?? "", position));
            setState((s) => addEntry(s, "trades", trade));
          }}
        />
      ),
    },
    {
      key: "shock" as const,
      label: "Shock",
      panel: (
        <ShockForm
          bookValues={bookValues}
          labelOf={labelOf}
          onAdd={(shock, msa) => {
            rememberMsa(msa);
            setState((s) => addEntry(s, "shocks", shock));
          }}
        />
      ),
    },
  ];

  return (
    <div className="grid gap-4 lg:grid-cols-12" data-testid="scenario-builder">
      <div className="min-w-0 space-y-4 lg:col-span-5">
        <Card title="Add to the scenario">
          <BuilderTabs label="What to add" tabs={tabs} active={tab} onSelect={setTab} />
        </Card>
        <Card
          title="The scenario"
          actions={
            <Button
              variant="ghost"
              disabled={isEmptyScenario(state)}
              onClick={() => setState(() => ({ trades: [], shocks: [] }))}
            >
              Clear all
            </Button>
          }
        >
          {actions && (
            <div className="mb-4 flex flex-wrap items-center gap-2" data-testid="scenario-actions">
              {actions(state, current)}
            </div>
          )}
          <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">Trades</h3>
          <TradeList
            trades={state.trades}
            issues={issues.trades}
            portfolio={portfolio}
            known={known}
            labelOf={labelOf}
            {...onEntry("trades")}
          />
          <h3 className="mb-2 mt-4 text-xs font-semibold uppercase tracking-wide text-muted">Shocks</h3>
          <ShockList shocks={state.shocks} issues={issues.shocks} labelOf={labelOf} {...onEntry("shocks")} />
        </Card>
      </div>
      <div className="min-w-0 space-y-4 lg:col-span-7">
        <ScenarioResults
          empty={isEmptyScenario(state)}
          evaluation={evaluation.isError ? null : (evaluation.data ?? null)}
          pending={evaluation.isFetching || settled !== state}
          refusal={refusal}
          issues={issues}
          failure={evaluation.isError && !refusal ? evaluation.error.message : null}
          onRetry={() => void evaluation.refetch()}
          limits={limits}
          labelOf={labelOf}
        />
      </div>
    </div>
  );
}

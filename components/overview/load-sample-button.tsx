"use client";

import { useState, useTransition } from "react";
import { formatCount, formatMoney } from "@/lib/format";
import { Button } from "../ui/button";
import { loadSample, type LoadSampleResult } from "./actions";

/** Loads the bundled sample portfolio; the action revalidates the page, which then shows the data. */
export function LoadSampleButton({ replaces = 0 }: { replaces?: number }) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<LoadSampleResult | null>(null);
  const run = () =>
    startTransition(async () => {
      setResult(await loadSample());
    });
  return (
    <div className="flex flex-col items-start gap-1">
      <Button variant={replaces > 0 ? "secondary" : "primary"} onClick={run} disabled={pending} aria-busy={pending} data-testid="load-sample">
        {pending ? "Loading sample portfolio…" : "Load sample portfolio"}
      </Button>
      <p aria-live="polite" className={`min-h-4 text-xs ${result && !result.ok ? "text-breach" : "text-muted"}`}>
        {pending
          ? "Importing 300 positions and computing a year of monthly history…"
          : result?.ok
            ? `Loaded ${formatCount(result.summary.positionCount)} positions worth ${formatMoney(result.summary.totalPortfolioValue)} with ${result.summary.asOfDates.length} monthly runs.`
            : (result?.message ?? (replaces > 0 ? `Replaces the ${formatCount(replaces)} stored positions.` : ""))}
      </p>
    </div>
  );
}

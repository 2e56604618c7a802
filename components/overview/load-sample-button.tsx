"use client";

import { useState, useTransition } from "react";
import { loadSampleAction } from "@/lib/actions/runs";
import { formatCount, formatMoney } from "@/lib/display/format";
import type { ActionResult } from "@/lib/http/action";
import type { SampleSummary } from "@/lib/services/sample";
import { Button } from "../ui/button";

/** Loads the bundled sample portfolio; the action revalidates the page, which then shows the data. */
export function LoadSampleButton({ replaces = 0 }: { replaces?: number }) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<SampleSummary> | null>(null);
  const run = () =>
    startTransition(async () => {
      setResult(await loadSampleAction({}));
    });
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        variant={replaces > 0 ? "secondary" : "primary"}
        onClick={run}
        disabled={pending}
        aria-busy={pending}
        data-testid="load-sample"
      >
        {pending ? "Loading sample portfolio…" : "Load sample portfolio"}
      </Button>
      <p aria-live="polite" className={`min-h-4 text-xs ${result && !result.ok ? "text-breach" : "text-muted"}`}>
        {pending
          ? "Importing 300 positions and computing a year of monthly history…"
          : result?.ok
            ? `Loaded ${formatCount(result.data.positionCount)} positions worth ${formatMoney(result.data.totalPortfolioValue)} with ${result.data.asOfDates.length} monthly runs.`
            : (result?.message ?? (replaces > 0 ? `Replaces the ${formatCount(replaces)} stored positions.` : ""))}
      </p>
    </div>
  );
}

import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { formatCount, formatDate } from "@/lib/display/format";
import type { ImportOutcome } from "./use-import-flow";

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** What the import did, and what the recomputation found. */
export function ImportOutcomeNotice({ outcome, onAgain }: { outcome: ImportOutcome; onAgain: () => void }) {
  const { run } = outcome;
  return (
    <div
      role="status"
      data-testid="import-outcome"
      className="space-y-2 rounded-card border border-within/30 bg-within-bg p-4 text-sm"
    >
      <p className="font-semibold text-within">
        <span aria-hidden="true">✓ </span>
        Imported {plural(outcome.imported, "position", "positions")} from {outcome.fileName} ({outcome.mode})
        {outcome.rejectedRows > 0 &&
          `; ${plural(outcome.rejectedRows, "row", "rows")} rejected and recorded in the import history`}
        .
      </p>
      {run ? (
        <p>
          Exposures recomputed as of {formatDate(run.asOfDate)}.{" "}
          {run.evaluated
            ? `Alerts: ${formatCount(run.opened)} opened, ${formatCount(run.updated)} still open, ${formatCount(run.resolved)} resolved.`
            : "Alerts were not re-evaluated (a later run exists)."}
        </p>
      ) : (
        <p className="text-breach">
          <span aria-hidden="true">✕ </span>The positions are stored, but exposures could not be recomputed:{" "}
          {outcome.runError}. Recompute from the overview.
        </p>
      )}
      <div className="flex flex-wrap gap-2 pt-1">
        <Link href="/" className={buttonClass("secondary")}>
          See the overview
        </Link>
        {run && run.opened > 0 && (
          <Link href="/alerts" className={buttonClass("secondary")}>
            Open alerts
          </Link>
        )}
        <button type="button" onClick={onAgain} className={buttonClass("ghost")}>
          Import another file
        </button>
      </div>
    </div>
  );
}

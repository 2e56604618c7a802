import { formatCount, formatMoney, formatMoneyExact } from "@/lib/display/format";
import type { ScenarioEvaluation } from "@/lib/engine/scenario";
import { VERDICTS, verdictSummary } from "./scenario-model";

const TONE = {
  within: "border-within/40 bg-within-bg text-within",
  near: "border-near/40 bg-near-bg text-near",
  breach: "border-breach/40 bg-breach-bg text-breach",
} as const;

/** The verdict in an icon, a word and a sentence (never colour alone), with the book before and after. */
export function VerdictBanner({ evaluation }: { evaluation: ScenarioEvaluation }) {
  const verdict = VERDICTS[evaluation.verdict];
  const { before, after } = evaluation;
  return (
    <div
      data-testid="verdict"
      data-verdict={evaluation.verdict}
      className={`rounded-md border px-3 py-2 ${TONE[verdict.status]}`}
    >
      <p className="flex items-center gap-2 text-base font-semibold">
        <span aria-hidden="true">{verdict.icon}</span>
        <span>Verdict: {verdict.word}</span>
      </p>
      <p className="text-sm text-text">{verdictSummary(evaluation.breaches)}</p>
      <p className="mt-1 text-xs text-muted">
        Portfolio value{" "}
        <span title={formatMoneyExact(before.totalPortfolioValue)}>{formatMoney(before.totalPortfolioValue)}</span> →{" "}
        <span title={formatMoneyExact(after.totalPortfolioValue)}>{formatMoney(after.totalPortfolioValue)}</span> ·
        positions {formatCount(before.positionCount)} → {formatCount(after.positionCount)}
      </p>
    </div>
  );
}

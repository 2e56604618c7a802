import { formatDateTime } from "@/lib/display/format";
import type { ScenarioDetail } from "@/lib/services/scenarios";
import { Card } from "../ui/card";
import { ExportTradesButton } from "./export-trades-button";
import { commitLines, shockNote } from "./saved-model";
import { viewTrade } from "./scenario-state";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A committed scenario: what it applied to the book, when and by whom. It is not evaluated again. */
export function CommittedScenario({ scenario }: { scenario: ScenarioDetail }) {
  const actions = scenario.trades.map((t) => viewTrade(t).action);
  const count = (action: string) => actions.filter((a) => a === action).length;
  return (
    <Card title="Committed to the book">
      <div data-testid="scenario-committed" className="space-y-3 text-sm">
        <p>
          Committed {formatDateTime(scenario.committedAt)}
          {scenario.committedBy ? ` by ${scenario.committedBy}` : ""}: {plural(count("buy"), "purchase")},{" "}
          {plural(count("sell"), "sale")} and {plural(count("revalue"), "revaluation")} applied in one transaction,
          recorded in the import history (Positions) and the audit log; today's run was recomputed (unless no position
          was left).
        </p>
        <ul className="list-disc space-y-1 pl-5" data-testid="committed-lines">
          {commitLines(scenario.trades).map((line, i) => (
            // Two trades may read the same: the list is the trades, in order.
            <li key={`${i}:${line}`}>{line}</li>
          ))}
        </ul>
        {shockNote(scenario.shocks) && <p className="text-muted">{shockNote(scenario.shocks)}</p>}
        <ExportTradesButton name={scenario.name} trades={scenario.trades} />
      </div>
    </Card>
  );
}

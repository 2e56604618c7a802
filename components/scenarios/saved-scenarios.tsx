import Link from "next/link";
import { formatDateTime } from "@/lib/display/format";
import type { PortfolioContext } from "@/lib/services/context";
import { listScenarios, type ScenarioSummary } from "@/lib/services/scenarios";
import { Card } from "../ui/card";
import { VERDICTS } from "./scenario-model";

const TONE = { within: "text-within", near: "text-near", breach: "text-breach" } as const;

function Verdict({ scenario }: { scenario: ScenarioSummary }) {
  if (scenario.committedAt) return <span className="text-muted">committed</span>;
  if (!scenario.verdict) return <span className="text-muted">no longer applies</span>;
  const v = VERDICTS[scenario.verdict];
  return (
    <span className={`font-medium ${TONE[v.status]}`}>
      <span aria-hidden="true">{v.icon}</span> {v.word}
    </span>
  );
}

/** Saved scenarios, newest first, each with its verdict against today's book and limits. */
export async function SavedScenarios({ ctx }: { ctx: PortfolioContext }) {
  const { items } = await listScenarios(ctx);
  return (
    <Card title="Saved scenarios" className="mb-6">
      {items.length === 0 ? (
        <p className="text-sm text-muted">
          None yet. Build one below; a manager can save it to share it by link and commit it to the book.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="saved-scenarios">
            <thead className="text-left text-xs text-muted">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Scenario
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Today's verdict
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  Trades
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  Shocks
                </th>
                <th scope="col" className="py-1 font-medium">
                  Saved
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {items.map((s) => (
                <tr key={s.id}>
                  <td className="py-1.5 pr-3">
                    <Link href={`/scenarios/${s.id}`} className="font-medium text-accent hover:underline">
                      {s.name}
                    </Link>
                    {s.description && <p className="max-w-md truncate text-xs text-muted">{s.description}</p>}
                  </td>
                  <td className="py-1.5 pr-3">
                    <Verdict scenario={s} />
                  </td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{s.tradeCount}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{s.shockCount}</td>
                  <td className="py-1.5 text-xs text-muted">
                    {formatDateTime(s.createdAt)}
                    {s.createdBy ? ` by ${s.createdBy}` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

import { formatDate } from "@/lib/display/format";
import { limitUtilization } from "@/lib/engine/utilization";
import type { PortfolioContext } from "@/lib/services/context";
import { listLimits } from "@/lib/services/limits";
import { findRun } from "@/lib/services/runs";
import { Card } from "../ui/card";
import { UtilizationTable } from "./utilization-table";

export async function UtilizationSection({ ctx }: { ctx: PortfolioContext }) {
  const [{ items }, run] = await Promise.all([listLimits(ctx), findRun(ctx)]);
  const title = run ? `Utilisation on ${formatDate(run.asOfDate)}` : "Utilisation";
  if (!run) {
    return (
      <Card title={title}>
        <p data-testid="utilization-empty" className="py-6 text-center text-sm text-muted">
          No exposure run yet: load positions and compute exposures to see every value against its limits.
        </p>
      </Card>
    );
  }
  const rows = limitUtilization(run.exposures, items);
  return (
    <Card title={title}>
      {rows.length === 0 ? (
        <p data-testid="utilization-empty" className="py-6 text-center text-sm text-muted">
          No active limit applies to this portfolio yet.
        </p>
      ) : (
        <UtilizationTable rows={rows} />
      )}
    </Card>
  );
}

import { buildDials } from "@/lib/engine/dashboard";
import type { PortfolioContext } from "@/lib/services/context";
import { listLimits } from "@/lib/services/limits";
import type { RunDetail } from "@/lib/services/runs";
import { DialCard } from "./dial-card";

/**
 * One dial per dimension, from the latest run the page already loaded and the active limits: no positions
 * are read, so this stays fast at any size.
 */
export async function ExposureDials({ ctx, run }: { ctx: PortfolioContext; run: RunDetail }) {
  const active = (await listLimits(ctx)).items.filter((t) => t.isActive);
  return (
    <div
      className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 print:grid-cols-3 print:gap-3"
      data-testid="exposure-dials"
    >
      {buildDials(run, active).map((dial) => (
        <DialCard
          key={dial.dimensionType}
          dial={dial}
          limits={active.filter((t) => t.dimensionType === dial.dimensionType)}
        />
      ))}
    </div>
  );
}

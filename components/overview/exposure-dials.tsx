import { getDashboard } from "@/lib/services/analysis";
import type { PortfolioContext } from "@/lib/services/context";
import { listLimits } from "@/lib/services/limits";
import { DialCard } from "./dial-card";

/** The six dials, from the latest stored run only: no positions are read, so this stays fast at any size. */
export async function ExposureDials({ ctx }: { ctx: PortfolioContext }) {
  const [dashboard, limits] = await Promise.all([getDashboard(ctx), listLimits(ctx)]);
  const active = limits.items.filter((t) => t.isActive);
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="exposure-dials">
      {dashboard.dials.map((dial) => (
        <DialCard
          key={dial.dimensionType}
          dial={dial}
          limits={active.filter((t) => t.dimensionType === dial.dimensionType)}
        />
      ))}
    </div>
  );
}

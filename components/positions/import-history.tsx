import { Card } from "@/components/ui/card";
import type { PortfolioContext } from "@/lib/services/context";
import { listImportBatches } from "@/lib/services/positions-list";
import { HistoryTable } from "./history-table";

const SHOWN = 20;

/** The latest imports of this portfolio, newest first, each with its rejected rows. */
export async function ImportHistory({ ctx }: { ctx: PortfolioContext }) {
  const batches = await listImportBatches(ctx, SHOWN);
  return (
    <Card title="Import history" id="import-history">
      {batches.length === 0 ? (
        <p className="text-sm text-muted" data-testid="import-history">
          No imports yet.
        </p>
      ) : (
        <HistoryTable batches={batches} />
      )}
      {batches.length === SHOWN && (
        <p className="mt-2 text-xs text-muted">
          The {SHOWN} latest imports; the API lists more (GET /api/positions/batches).
        </p>
      )}
    </Card>
  );
}

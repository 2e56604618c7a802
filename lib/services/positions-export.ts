import { getPrisma } from "../db/client";
import { CONTENT_TYPES, type ExportFile, type ExportFormat, positionsFileBody } from "../export";
import type { PortfolioContext } from "./context";
import { loadPositions } from "./positions-list";

/** Every stored position as a file that re-imports unchanged. */
export async function exportPositions(ctx: PortfolioContext, format: ExportFormat): Promise<ExportFile> {
  const positions = await loadPositions(await getPrisma(), ctx.portfolio.id);
  return {
    filename: `positions-${ctx.portfolio.slug}.${format}`,
    contentType: CONTENT_TYPES[format],
    body: await positionsFileBody(positions, format),
  };
}

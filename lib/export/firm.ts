import type { FirmExposure } from "@/lib/engine/firm";

import { csvLines, csvText, formatMoney } from "./cells";
import { EXPOSURE_CSV_COLUMNS } from "./exposures";

/**
 * The firm roll-up as CSV: the exposures file's five columns (exposure_pct the value's share of
 * the firm's total, total_portfolio_value the firm's total), then one column per fund, headed by
 * its slug (lower-case letters, digits and dashes, so it cannot clash with the others), holding
 * that fund's dollars in the value, 0 when it holds none.
 */
export function firmToCsv(
  view: { totalValue: number; exposures: readonly FirmExposure[] },
  fundSlugs: readonly string[],
): string {
  const total = formatMoney(view.totalValue);
  const rows = view.exposures.map((b) => {
    const held = new Map(b.funds.map((f) => [f.slug, f.exposureValue]));
    return [
      csvText(b.dimensionType),
      csvText(b.dimensionValue),
      String(b.exposurePct),
      formatMoney(b.exposureValue),
      total,
      ...fundSlugs.map((slug) => formatMoney(held.get(slug) ?? 0)),
    ];
  });
  return csvLines([...EXPOSURE_CSV_COLUMNS, ...fundSlugs.map(csvText)], rows);
}

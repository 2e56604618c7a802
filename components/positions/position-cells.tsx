import { formatCount, formatMoney, formatMoneyExact } from "@/lib/display/format";
import type { Position } from "@/lib/engine/types";

// The cells of one position, shared by the preview sample (client) and the stored table (server),
// so a row reads the same before and after import. Value comes early: on a phone it is the column
// people scroll for.

/** A position as the engine sees it: the preview sample and stored rows both have this shape. */
export type PositionLike = Position;

export const POSITION_HEADERS = [
  { key: "position_id", label: "Position ID" },
  { key: "asset_id", label: "Asset" },
  { key: "value", label: "Value", numeric: true },
  { key: "msa", label: "MSA" },
  { key: "strategy", label: "Strategy" },
  { key: "state", label: "State" },
  { key: "vintage", label: "Vintage" },
  { key: "construction_type", label: "Construction" },
  { key: "rent_band", label: "Rent band" },
  { key: "units", label: "Units", numeric: true },
  { key: "ownership", label: "Owned", numeric: true },
] as const;

/** Cell padding and no-wrap come from the table (one class string, not one per cell: 500 cells a page). */
export const POSITION_TABLE_CELLS = "[&_td]:whitespace-nowrap [&_td]:px-3 [&_td]:py-1.5";

const MISSING = (
  <span className="text-muted" title="Unknown">
    —<span className="sr-only">unknown</span>
  </span>
);

/** The fund's share as entered: 100%, 50%, 33.3333%. */
const ownership = (pct: number) => `${pct.toLocaleString("en-US", { maximumFractionDigits: 4 })}%`;

const text = (value: string | number | null) => (value === null || value === "" ? MISSING : value);

export function PositionCells({ p, msaTitle }: { p: PositionLike; msaTitle?: string | null }) {
  return (
    <>
      <td className="font-mono text-xs">{text(p.positionId)}</td>
      <td className="max-w-48 truncate" title={p.assetId ?? undefined}>
        {text(p.assetId)}
      </td>
      <td className="text-right font-medium" title={formatMoneyExact(p.positionValue)}>
        {formatMoney(p.positionValue)}
      </td>
      <td className="font-mono text-xs" title={msaTitle ?? undefined}>
        {text(p.msaId)}
      </td>
      <td>{text(p.strategy)}</td>
      <td>{text(p.state)}</td>
      <td>{text(p.vintage)}</td>
      <td>{text(p.constructionType)}</td>
      <td>{text(p.rentBand)}</td>
      <td className="text-right">{p.units === null ? MISSING : formatCount(p.units)}</td>
      <td className={p.ownershipPct === 100 ? "text-right text-muted" : "text-right font-medium"}>
        {ownership(p.ownershipPct)}
      </td>
    </>
  );
}

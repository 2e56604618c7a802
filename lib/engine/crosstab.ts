import { regionOf } from "./regions";
import { type Dimension, type Position, UNKNOWN } from "./types";
import { vintageBucket } from "./vintage";

export interface CrossTab {
  rowDimension: Dimension;
  columnDimension: Dimension;
  /** Largest first; then the folded "other" row (see otherRows); `unknown` last. */
  rows: string[];
  columns: string[];
  /** cells[row][column]: position value in that pair of buckets. */
  cells: number[][];
  total: number;
  rowTotals: number[];
  columnTotals: number[];
  /** How many values were folded into the row just before `unknown` (0: no such row). */
  otherRows: number;
  otherColumns: number;
}

export const CROSSTAB_OTHER = "other";

export interface CrossTabLimits {
  maxRows?: number;
  maxColumns?: number;
}

type KeyOf = (p: Position) => string;

// The same buckets as computeExposures: missing (or literally "unknown") values are one `unknown`
// bucket, vintage is by decade.
function keyFunction(dimension: Dimension): KeyOf {
  const decades = new Map<number, string>();
  const decade = (year: number) => {
    let label = decades.get(year);
    if (label === undefined) {
      label = vintageBucket(year);
      decades.set(year, label);
    }
    return label;
  };
  switch (dimension) {
    case "strategy":
      return (p) => p.strategy ?? UNKNOWN;
    case "state":
      return (p) => p.state ?? UNKNOWN;
    case "msa":
      return (p) => p.msaId ?? UNKNOWN;
    case "vintage":
      return (p) => (p.vintage === null ? UNKNOWN : decade(p.vintage));
    case "construction_type":
      return (p) => p.constructionType ?? UNKNOWN;
    case "rent_band":
      return (p) => p.rentBand ?? UNKNOWN;
    case "region":
      return (p) => regionOf(p.state) ?? UNKNOWN;
  }
}

interface Axis {
  keys: string[];
  totals: number[];
}

function slotOf(slots: Map<string, number>, axis: Axis, key: string): number {
  let slot = slots.get(key);
  if (slot === undefined) {
    slot = axis.keys.length;
    slots.set(key, slot);
    axis.keys.push(key);
    axis.totals.push(0);
  }
  return slot;
}

/**
 * Orders an axis largest first (ties by name), keeps the `max` largest known values, folds the
 * rest into one "other" slot and puts `unknown` last. Returns the new labels and, for every
 * original slot, its new position.
 */
function layOut(axis: Axis, max: number): { labels: string[]; target: Int32Array; folded: number } {
  const order = axis.keys
    .map((key, slot) => ({ key, slot, total: axis.totals[slot] ?? 0 }))
    .filter((e) => e.key !== UNKNOWN)
    .sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const kept = order.slice(0, Math.max(0, max));
  const folded = order.length - kept.length;
  const labels = kept.map((e) => e.key);
  const target = new Int32Array(axis.keys.length);
  kept.forEach((e, i) => {
    target[e.slot] = i;
  });
  if (folded > 0) {
    for (const e of order.slice(kept.length)) target[e.slot] = labels.length;
    labels.push(CROSSTAB_OTHER);
  }
  const unknownSlot = axis.keys.indexOf(UNKNOWN);
  if (unknownSlot >= 0) {
    target[unknownSlot] = labels.length;
    labels.push(UNKNOWN);
  }
  return { labels, target, folded };
}

/**
 * Value of the portfolio by two dimensions at once (e.g. state × strategy), in one pass over the
 * positions. Cells, totals and `total` are money; shares are for the caller to derive. Only the
 * `maxRows` / `maxColumns` largest values are kept, the rest summed into an "other" row/column.
 */
export function computeCrossTab(
  positions: readonly Position[],
  rowDimension: Dimension,
  columnDimension: Dimension,
  { maxRows = 20, maxColumns = 12 }: CrossTabLimits = {},
): CrossTab {
  const rowKey = keyFunction(rowDimension);
  const columnKey = keyFunction(columnDimension);
  const rowAxis: Axis = { keys: [], totals: [] };
  const columnAxis: Axis = { keys: [], totals: [] };
  const rowSlots = new Map<string, number>();
  const columnSlots = new Map<string, number>();
  const grid: Array<Map<number, number>> = [];
  let total = 0;

  for (let i = 0; i < positions.length; i++) {
    const p = positions[i];
    if (p === undefined) continue;
    const value = p.positionValue;
    const r = slotOf(rowSlots, rowAxis, rowKey(p));
    const c = slotOf(columnSlots, columnAxis, columnKey(p));
    rowAxis.totals[r] = (rowAxis.totals[r] ?? 0) + value;
    columnAxis.totals[c] = (columnAxis.totals[c] ?? 0) + value;
    let row = grid[r];
    if (row === undefined) {
      row = new Map();
      grid[r] = row;
    }
    row.set(c, (row.get(c) ?? 0) + value);
    total += value;
  }

  const rows = layOut(rowAxis, maxRows);
  const columns = layOut(columnAxis, maxColumns);
  const cells = rows.labels.map(() => new Array<number>(columns.labels.length).fill(0));
  const rowTotals = new Array<number>(rows.labels.length).fill(0);
  const columnTotals = new Array<number>(columns.labels.length).fill(0);
  grid.forEach((row, r) => {
    const to = rows.target[r] ?? 0;
    const cellRow = cells[to];
    if (cellRow === undefined) return;
    row.forEach((value, c) => {
      const toColumn = columns.target[c] ?? 0;
      cellRow[toColumn] = (cellRow[toColumn] ?? 0) + value;
      rowTotals[to] = (rowTotals[to] ?? 0) + value;
      columnTotals[toColumn] = (columnTotals[toColumn] ?? 0) + value;
    });
  });

  return {
    rowDimension,
    columnDimension,
    rows: rows.labels,
    columns: columns.labels,
    cells,
    total,
    rowTotals,
    columnTotals,
    otherRows: rows.folded,
    otherColumns: columns.folded,
  };
}

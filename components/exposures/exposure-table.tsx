import Link from "next/link";
import { Card } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatCount, formatMoney, formatMoneyExact, formatPct, formatPctExact, formatPp } from "@/lib/display/format";
import { DIMENSION_LABELS, labelValue } from "@/lib/display/labels";
import { type Basis, type Dimension, UNKNOWN } from "@/lib/engine/types";
import { stateByCode } from "@/lib/reference/us-states";
import { formatAmountExact } from "../limits/limit-rule";
import type { ExposureRow, RowLimit } from "./exposure-rows";
import { LONG_DIMENSIONS, TOP_N } from "./labels";
import {
  nextSort,
  parseShowAll,
  type SearchParams,
  type SortKey,
  sortRows,
  type TableSort,
  withParams,
} from "./url-state";

const COLUMNS: Array<{ key: SortKey; label: string; numeric: boolean }> = [
  { key: "value", label: "Value", numeric: false },
  { key: "pct", label: "Exposure %", numeric: true },
  { key: "amount", label: "Exposure $", numeric: true },
  { key: "count", label: "Positions", numeric: true },
  { key: "limit", label: "Limit", numeric: true },
  { key: "headroom", label: "Headroom", numeric: true },
  { key: "capacity", label: "Capacity $", numeric: true },
];

function SortHeader({ column, sort, href }: { column: (typeof COLUMNS)[number]; sort: TableSort; href: string }) {
  const active = sort.key === column.key;
  const ariaSort = active ? (sort.dir === "asc" ? "ascending" : "descending") : "none";
  return (
    <th
      scope="col"
      aria-sort={ariaSort}
      className={`whitespace-nowrap px-3 py-2 font-medium ${column.numeric ? "text-right" : "text-left"}`}
    >
      <Link href={href} scroll={false} className="inline-flex items-center gap-1 hover:text-accent">
        {column.label}
        <span aria-hidden="true" className={active ? "text-accent" : "text-border"}>
          {active && sort.dir === "asc" ? "▲" : "▼"}
        </span>
      </Link>
    </th>
  );
}

function limitText(limit: RowLimit, sign: "≤" | "≥"): string {
  return `${sign} ${formatPct(limit.pct)}`;
}

function limitTitle(limit: RowLimit, kind: string): string {
  return `${limit.severity} ${kind} of ${formatPctExact(limit.pct)}${limit.named ? " for this value" : " for every value"}`;
}

// Codes next to names: an MSA's CBSA code before its title, a state's name after its code.
function ValueCell({ dimension, value }: { dimension: Dimension; value: string }) {
  if (value === UNKNOWN || (dimension !== "msa" && dimension !== "state")) return <>{labelValue(dimension, value)}</>;
  const [code, name] =
    dimension === "msa" ? [value, labelValue(dimension, value)] : [value, stateByCode(value)?.name ?? ""];
  return (
    <span className="flex flex-col sm:flex-row sm:gap-2">
      <span className={dimension === "msa" ? "font-mono text-xs text-muted sm:text-sm" : ""}>{code}</span>
      <span className={dimension === "state" ? "font-normal text-muted" : ""}>{name}</span>
    </span>
  );
}

function capacityTitle(row: ExposureRow): string | undefined {
  if (typeof row.capacityValue !== "number" || !row.maximum) return undefined;
  return `${formatMoneyExact(row.capacityValue)} can be added to this value before its maximum of ${formatPctExact(row.maximum.pct)} (current positions)`;
}

// Dollars still addable under the tightest maximum (or "unlimited", or — when no maximum applies),
// with a minimum's shortfall beneath it.
function CapacityCell({ row }: { row: ExposureRow }) {
  const { capacityValue: room, shortfallValue: short } = row;
  return (
    <>
      {room === null ? (
        <span className="text-muted">—</span>
      ) : (
        <span className="block" title={capacityTitle(row)}>
          {room === "unlimited" ? "unlimited" : formatMoney(room)}
        </span>
      )}
      {short !== null && (
        <span
          className="block text-xs text-breach"
          title={typeof short === "number" ? formatMoneyExact(short) : undefined}
        >
          {short === "unreachable" ? "minimum out of reach" : `needs +${formatMoney(short)} for its minimum`}
        </span>
      )}
    </>
  );
}

/** Every value of the dimension with its limit, headroom and status; headers sort through the URL. */
export function ExposureTable({
  dimension,
  basis = "value",
  rows,
  sort,
  params,
  asOfDate,
}: {
  dimension: Dimension;
  /** value: dollars with limits and capacity; units or positions: counted in them, no dollar limits. */
  basis?: Basis;
  rows: readonly ExposureRow[];
  sort: TableSort;
  params: SearchParams;
  asOfDate: string;
}) {
  const sorted = sortRows(rows, sort, (value) => labelValue(dimension, value));
  const cappable = LONG_DIMENSIONS.has(dimension) && sorted.length > TOP_N;
  const showAll = !cappable || parseShowAll(params);
  const shown = showAll ? sorted : sorted.slice(0, TOP_N);
  const onValue = basis === "value";
  // Share limits and capacity are in dollars: on another basis the table is the counts alone.
  const columns = onValue
    ? COLUMNS
    : COLUMNS.filter((c) => c.key !== "capacity").map((c) =>
        c.key === "amount" ? { ...c, label: basis === "units" ? "Units" : "Exposure (positions)" } : c,
      );
  const hrefFor = (key: SortKey) => {
    const next = nextSort(sort, key);
    return `/exposures/${dimension}${withParams(params, { sort: next.key, dir: next.dir })}`;
  };
  return (
    <Card title={`${DIMENSION_LABELS[dimension]} exposures`} id="exposure-table">
      <div className="overflow-x-auto">
        <table data-testid="exposure-table" className="w-full min-w-[760px] text-sm">
          <caption className="sr-only">
            Exposure by {DIMENSION_LABELS[dimension]} on {asOfDate}, with limits; column headers sort the table.
          </caption>
          <thead className="border-b border-border text-xs text-muted">
            <tr>
              {columns.map((column) => (
                <SortHeader key={column.key} column={column} sort={sort} href={hrefFor(column.key)} />
              ))}
              <th scope="col" className="px-3 py-2 text-left font-medium">
                Status
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr
                key={row.value}
                data-value={row.value}
                className="border-b border-border/60 last:border-0 hover:bg-surface-2"
              >
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <ValueCell dimension={dimension} value={row.value} />
                </th>
                <td className="px-3 py-2 text-right tabular-nums" title={formatPctExact(row.exposurePct)}>
                  {formatPct(row.exposurePct)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums" title={formatAmountExact(basis, row.exposureValue)}>
                  {onValue
                    ? formatMoney(row.exposureValue)
                    : row.exposureValue.toLocaleString("en-US", { maximumFractionDigits: 2 })}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{formatCount(row.positionCount)}</td>
                <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                  {row.maximum === null && row.minimum === null && <span className="text-muted">—</span>}
                  {row.maximum && (
                    <span className="block" title={limitTitle(row.maximum, "maximum")}>
                      {limitText(row.maximum, "≤")}
                    </span>
                  )}
                  {row.minimum && (
                    <span className="block" title={limitTitle(row.minimum, "minimum")}>
                      {limitText(row.minimum, "≥")}
                    </span>
                  )}
                </td>
                <td
                  className={`whitespace-nowrap px-3 py-2 text-right tabular-nums ${row.headroomPp !== null && row.headroomPp < 0 ? "font-semibold text-breach" : ""}`}
                >
                  {formatPp(row.headroomPp)}
                </td>
                {onValue && (
                  <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums" data-testid="capacity-cell">
                    <CapacityCell row={row} />
                  </td>
                )}
                <td className="px-3 py-2">
                  <StatusBadge status={row.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-xs text-muted">
        {onValue ? (
          <p>
            Headroom: percentage points to the nearest applicable limit; negative means past it. Capacity: dollars the
            value can still take before its tightest maximum, from the current positions.
          </p>
        ) : (
          <p>
            Counted in {basis}: each value's share of the portfolio's {basis}
            {basis === "units" ? " (positions without units are in Unknown)" : ""}. Limits on value show on the value
            basis; limits on {basis} are on the Limits page.
          </p>
        )}
        {cappable && (
          <Link
            href={`/exposures/${dimension}${withParams(params, { all: showAll ? undefined : "1" })}`}
            scroll={false}
            className="font-medium text-accent hover:underline"
            data-testid="table-show-all"
          >
            {showAll ? `Show the first ${TOP_N}` : `Show all ${formatCount(sorted.length)} rows`}
          </Link>
        )}
      </div>
    </Card>
  );
}

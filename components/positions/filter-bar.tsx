import Link from "next/link";
import { formatCount } from "@/lib/display/format";
import { DIMENSION_LABELS, labelValue } from "@/lib/display/labels";
import { DIMENSIONS, type Dimension, UNKNOWN } from "@/lib/engine/types";
import { msaName } from "@/lib/reference/cbsa";
import type { PositionFacets } from "@/lib/services/positions-facets";
import { QueryForm } from "./query-form";
import { defaultDirection, type TableState, tableQuery, withoutFilters } from "./table-params";

function optionLabel(dimension: Dimension, value: string): string {
  if (dimension !== "msa" || value === UNKNOWN) return labelValue(dimension, value);
  const name = msaName(value);
  return name ? `${value} · ${name}` : value;
}

const field = "w-full rounded-md border border-border bg-surface px-2 py-1 text-sm";

/** One select per dimension, its choices the values stored now (with counts); `unknown` finds missing. */
export function FilterBar({ state, facets }: { state: TableState; facets: PositionFacets }) {
  const active = Object.keys(state.filters).length > 0;
  return (
    <QueryForm autoApply className="space-y-2">
      {state.sort !== "id" && <input type="hidden" name="sort" value={state.sort} />}
      {state.dir !== defaultDirection(state.sort) && <input type="hidden" name="dir" value={state.dir} />}
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        {DIMENSIONS.map((dimension) => {
          const current = state.filters[dimension] ?? "";
          const options = facets[dimension];
          // The URL may spell a value differently ("ca"); select the stored spelling ("CA").
          const selected = options.find((o) => o.value.toLowerCase() === current.toLowerCase())?.value ?? current;
          const listed = current === "" || options.some((o) => o.value === selected);
          return (
            <label key={dimension} className="text-xs font-medium text-muted">
              {DIMENSION_LABELS[dimension]}
              <select
                name={dimension}
                defaultValue={selected}
                key={selected}
                className={`${field} mt-0.5 text-text`}
                data-testid={`filter-${dimension}`}
              >
                <option value="">All</option>
                {!listed && <option value={current}>{current}</option>}
                {options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {`${optionLabel(dimension, o.value)} (${formatCount(o.count)})`}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
      </div>
      <noscript>
        <button type="submit" className="rounded-md border border-border px-2 py-0.5 text-sm">
          Apply filters
        </button>
      </noscript>
      {active && (
        <Link
          href={`/positions${tableQuery(withoutFilters(state))}#positions`}
          scroll={false}
          className="text-sm font-medium text-accent underline"
          data-testid="clear-filters"
        >
          Clear filters
        </Link>
      )}
    </QueryForm>
  );
}

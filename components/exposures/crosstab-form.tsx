import Form from "next/form";
import { Button } from "@/components/ui/button";
import { DIMENSION_LABELS, DIMENSIONS } from "@/lib/display/labels";
import type { CrossTabAxes, SearchParams } from "./url-state";

const AXES = [
  { name: "rows", label: "Rows" },
  { name: "cols", label: "Columns" },
] as const;

/**
 * The two dimensions, as a GET form: the choice lands in the URL (?rows=…&cols=…) so a cross-tab
 * can be shared, and it works without JavaScript. An explicit button rather than submit-on-change,
 * so moving through a select with the keyboard does not reload the page at every step.
 */
export function CrossTabForm({
  dimension,
  axes,
  params,
}: {
  dimension: string;
  axes: CrossTabAxes;
  params: SearchParams;
}) {
  const kept = Object.entries(params).filter(
    ([name, value]) => name !== "rows" && name !== "cols" && typeof value === "string",
  );
  return (
    <Form
      action={`/exposures/${dimension}`}
      scroll={false}
      className="mb-3 flex flex-wrap items-end gap-3"
      data-testid="crosstab-form"
    >
      {kept.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={String(value)} />
      ))}
      {AXES.map(({ name, label }) => (
        <div key={name} className="flex flex-col gap-1">
          <label htmlFor={`crosstab-${name}`} className="text-xs font-medium text-muted">
            {label}
          </label>
          <select
            id={`crosstab-${name}`}
            name={name}
            defaultValue={axes[name]}
            className="rounded-md border border-border bg-surface px-2 py-1.5 text-sm"
          >
            {DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {DIMENSION_LABELS[d]}
              </option>
            ))}
          </select>
        </div>
      ))}
      <Button type="submit">Show cross-tab</Button>
    </Form>
  );
}

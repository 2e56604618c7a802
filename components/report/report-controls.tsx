import Form from "next/form";
import { formatDate } from "@/lib/display/format";
import type { RunSummary } from "@/lib/services/runs";
import { Button } from "../ui/button";
import { PrintButton } from "./print-button";

/**
 * The as-of date (one of the portfolio's runs) as a GET form, so a report's URL names its date and
 * the choice works without JavaScript, and the print button. Neither is printed.
 */
export function ReportControls({ runs, asOf }: { runs: readonly RunSummary[]; asOf: string | null }) {
  return (
    <div className="flex flex-wrap items-end gap-3 print:hidden" data-testid="report-controls">
      <Form action="/report" className="flex items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="report-as-of" className="text-xs font-medium text-muted">
            As of
          </label>
          <select
            id="report-as-of"
            name="asOf"
            defaultValue={asOf ?? undefined}
            className="rounded-md border border-border bg-surface px-2 py-1.5 text-sm"
          >
            {runs.map((run) => (
              <option key={run.id} value={run.asOfDate}>
                {formatDate(run.asOfDate)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit">Show report</Button>
      </Form>
      <PrintButton />
    </div>
  );
}

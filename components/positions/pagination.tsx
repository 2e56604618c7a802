import Link from "next/link";
import { formatCount } from "@/lib/display/format";
import { LinkPending } from "./link-pending";
import { QueryForm } from "./query-form";
import { defaultDirection, pageCount, type TableState, tableQuery, withPage } from "./table-params";

const link = "rounded-md border border-border px-2.5 py-1 font-medium hover:bg-surface-2";
const off = "rounded-md border border-border px-2.5 py-1 text-muted opacity-50";

function PageLink({
  state,
  page,
  label,
  children,
  disabled,
}: {
  state: TableState;
  page: number;
  label: string;
  children: string;
  disabled: boolean;
}) {
  if (disabled)
    return (
      <span aria-disabled="true" className={off}>
        {children}
      </span>
    );
  return (
    <Link
      href={`/positions${tableQuery(withPage(state, page))}#positions`}
      scroll={false}
      aria-label={label}
      className={`${link} inline-flex items-center gap-1`}
    >
      {children}
      <LinkPending />
    </Link>
  );
}

/** First / previous / next / last, and a jump to any page (a GET form, so it works without JavaScript). */
export function Pagination({ state, total }: { state: TableState; total: number }) {
  const last = pageCount(total);
  if (last <= 1) return null;
  const { page } = state;
  return (
    <nav aria-label="Positions pages" className="flex flex-wrap items-center gap-2 text-sm">
      <PageLink state={state} page={1} label="First page" disabled={page <= 1}>
        «
      </PageLink>
      <PageLink state={state} page={page - 1} label="Previous page" disabled={page <= 1}>
        ‹ Prev
      </PageLink>
      <QueryForm className="flex items-center gap-1">
        {state.sort !== "id" && <input type="hidden" name="sort" value={state.sort} />}
        {state.dir !== defaultDirection(state.sort) && <input type="hidden" name="dir" value={state.dir} />}
        {Object.entries(state.filters).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <label htmlFor="page-input" className="text-muted">
          Page
        </label>
        <input
          id="page-input"
          name="page"
          type="number"
          min={1}
          max={last}
          defaultValue={page}
          key={page}
          className="w-20 rounded-md border border-border bg-surface px-2 py-0.5 text-sm tabular-nums"
        />
        <span className="text-muted">of {formatCount(last)}</span>
      </QueryForm>
      <PageLink state={state} page={page + 1} label="Next page" disabled={page >= last}>
        Next ›
      </PageLink>
      <PageLink state={state} page={last} label="Last page" disabled={page >= last}>
        »
      </PageLink>
    </nav>
  );
}

import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatCount } from "@/lib/display/format";
import { isAppError } from "@/lib/errors";
import { msaName } from "@/lib/reference/cbsa";
import type { PortfolioContext } from "@/lib/services/context";
import { listPositionFacets } from "@/lib/services/positions-facets";
import { listPositions, type PositionPage } from "@/lib/services/positions-list";
import { ExportLinks } from "./export-links";
import { FilterBar } from "./filter-bar";
import { Pagination } from "./pagination";
import { POSITION_HEADERS, POSITION_TABLE_CELLS, PositionCells } from "./position-cells";
import { SortHeader } from "./sort-header";
import {
  offsetOf,
  PAGE_SIZE,
  pageCount,
  pageRange,
  type TableState,
  tableQuery,
  withoutFilters,
  withPage,
} from "./table-params";

type Listing = PositionPage;

/** A filter the service refuses (a hand-edited URL, e.g. state=ZZ) is shown, not thrown. */
async function listOrRefusal(ctx: PortfolioContext, state: TableState): Promise<Listing | { refused: string }> {
  try {
    return await listPositions(ctx, {
      limit: PAGE_SIZE,
      offset: offsetOf(state.page),
      sort: state.sort,
      dir: state.dir,
      filters: state.filters,
    });
  } catch (error) {
    if (isAppError(error) && error.code === "invalid_input") return { refused: error.message };
    throw error;
  }
}

const SORT_NAMES: Record<TableState["sort"], string> = {
  id: "import order",
  ...(Object.fromEntries(POSITION_HEADERS.map((h) => [h.key, h.label.toLowerCase()])) as Record<
    (typeof POSITION_HEADERS)[number]["key"],
    string
  >),
};

export async function PositionsTable({ ctx, state }: { ctx: PortfolioContext; state: TableState }) {
  const portfolio = ctx.portfolio.slug;
  const [listing, facets] = await Promise.all([listOrRefusal(ctx, state), listPositionFacets(ctx)]);
  const filtered = Object.keys(state.filters).length > 0;
  const clear = `/positions${tableQuery(withoutFilters(state))}#positions`;
  const empty = !filtered && !("refused" in listing) && listing.total === 0;
  return (
    <Card
      title="Stored positions"
      actions={empty ? undefined : <ExportLinks portfolio={portfolio} />}
      id="positions"
      className="scroll-mt-4"
    >
      {!empty && <FilterBar state={state} facets={facets} />}
      {"refused" in listing ? (
        <p role="alert" className="mt-3 text-sm text-breach">
          {listing.refused}{" "}
          <Link href={clear} className="font-medium text-accent underline">
            Clear filters
          </Link>
        </p>
      ) : (
        <Rows listing={listing} state={state} filtered={filtered} clear={clear} />
      )}
    </Card>
  );
}

function Rows({
  listing,
  state,
  filtered,
  clear,
}: {
  listing: Listing;
  state: TableState;
  filtered: boolean;
  clear: string;
}) {
  const { total, items } = listing;
  if (total === 0) {
    return (
      <p className="mt-3 text-sm text-muted" data-testid="positions-empty">
        {filtered ? (
          <>
            No positions match these filters.{" "}
            <Link href={clear} className="font-medium text-accent underline">
              Clear filters
            </Link>
          </>
        ) : (
          "No positions stored yet: upload a file above (the template shows the columns)."
        )}
      </p>
    );
  }
  const { from, to } = pageRange(state.page, total);
  const last = pageCount(total);
  const caption = `Positions ${from}–${to} of ${total}${filtered ? " matching the filters" : ""}, by ${SORT_NAMES[state.sort]} ${state.dir === "asc" ? "ascending" : "descending"}`;
  return (
    <div className="mt-3 space-y-3">
      <p className="text-sm text-muted" data-testid="positions-count">
        {items.length > 0 ? (
          <>
            Showing{" "}
            <strong className="text-text">
              {formatCount(from)}–{formatCount(to)}
            </strong>{" "}
            of{" "}
          </>
        ) : null}
        <strong className="text-text">{formatCount(total)}</strong> {total === 1 ? "position" : "positions"}
        {filtered && " matching the filters"}
      </p>
      {items.length === 0 ? (
        <p className="text-sm text-muted">
          Page {formatCount(state.page)} is past the end ({formatCount(last)} {last === 1 ? "page" : "pages"}).{" "}
          <Link
            href={`/positions${tableQuery(withPage(state, last))}#positions`}
            className="font-medium text-accent underline"
          >
            Go to the last page
          </Link>
        </p>
      ) : (
        <div className="relative overflow-x-auto rounded-md border border-border">
          <table
            className={`w-full text-left text-sm tabular-nums ${POSITION_TABLE_CELLS}`}
            data-testid="positions-table"
          >
            <caption className="sr-only">{caption}</caption>
            <thead className="bg-surface-2 text-xs text-muted">
              <tr>
                {POSITION_HEADERS.map((h) => (
                  <SortHeader key={h.key} state={state} column={h.key} label={h.label} numeric={"numeric" in h} />
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id} className="border-t border-border">
                  <PositionCells p={p} msaTitle={p.msaId ? msaName(p.msaId) : null} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination state={state} total={total} />
    </div>
  );
}

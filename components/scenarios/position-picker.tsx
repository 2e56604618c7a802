"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { formatMoney } from "@/lib/display/format";
import { queryKeys } from "../query-keys";
import { Combobox } from "./combobox";
import { isRefusal, type PositionDto, searchPositions } from "./fetchers";
import { useDebounced } from "./use-debounced";

/** "P-17 · Tower North": how a stored position is named in the builder. */
export const positionName = (p: Pick<PositionDto, "positionId" | "assetId">) =>
  [p.positionId ?? "(no position_id)", p.assetId].filter(Boolean).join(" · ");

/** A stored position found by part of its position_id or asset_id (GET /api/positions?q=). */
export function PositionPicker({
  id,
  portfolio,
  text,
  onTextChange,
  onPick,
  invalid,
  describedBy,
  className,
}: {
  id: string;
  portfolio: string;
  text: string;
  onTextChange: (text: string) => void;
  onPick: (position: PositionDto) => void;
  invalid?: boolean;
  describedBy?: string | undefined;
  className: string;
}) {
  const q = useDebounced(text.trim(), 200);
  const { data, isFetching, isError, error } = useQuery({
    queryKey: queryKeys.positionSearch(portfolio, q),
    queryFn: ({ signal }) => searchPositions(portfolio, q, signal),
    enabled: q !== "",
    placeholderData: keepPreviousData,
    retry: (count, e) => !isRefusal(e) && count < 2,
  });
  const options = q === "" ? [] : (data?.items ?? []);
  const more = data && data.total > data.items.length ? data.total - data.items.length : 0;
  const status =
    text.trim() === ""
      ? null
      : isError
        ? `Search failed: ${error.message}`
        : isFetching || q !== text.trim()
          ? "Searching…"
          : "No stored position's position_id or asset_id contains that";
  return (
    <>
      <Combobox
        id={id}
        text={text}
        onTextChange={onTextChange}
        options={options}
        optionKey={(p) => String(p.id)}
        isDisabled={(p) => p.positionId === null}
        renderOption={(p) => (
          <span className="flex flex-wrap items-baseline justify-between gap-x-3">
            <span>
              <span className="font-mono text-xs">{p.positionId ?? "no position_id"}</span>
              {p.assetId && <span className="ml-2">{p.assetId}</span>}
            </span>
            <span className="text-xs text-muted">
              {p.positionId === null
                ? "cannot be traded: it has no position_id"
                : [formatMoney(p.positionValue), p.strategy, p.state].filter(Boolean).join(" · ")}
            </span>
          </span>
        )}
        onPick={onPick}
        status={status}
        placeholder="position_id or asset_id"
        invalid={invalid}
        describedBy={describedBy}
        className={className}
      />
      {more > 0 && text.trim() !== "" && (
        <p className="mt-1 text-xs text-muted">
          {more} more match{more === 1 ? "" : "es"}; type more of the id to narrow them.
        </p>
      )}
    </>
  );
}

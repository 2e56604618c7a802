"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ReactNode, useMemo } from "react";
import { formatMoneyExact } from "@/lib/display/format";
import { normalizePosition, type RawPosition } from "@/lib/engine/normalize";
import { type BindingLimit, bucketOf } from "@/lib/engine/scenario";
import { queryKeys } from "../query-keys";
import { fetchMaxAcquisition, isRefusal } from "./fetchers";
import type { ValueLabeller } from "./labels";
import { acquisitionSentence, describeLimit } from "./scenario-model";
import { useDebounced } from "./use-debounced";

/**
 * "Up to $X fits; binding: …" for an asset with these attributes, against today's book and
 * active limits (POST /api/scenarios/max-acquisition), asked again as the attributes change.
 */
export function LargestAcquisition({
  portfolio,
  asset,
  labelOf,
  compact = false,
}: {
  portfolio: string;
  /** The asset's attributes as the API takes them; null while they are incomplete or invalid. */
  asset: Record<string, string | number> | null;
  labelOf: ValueLabeller;
  compact?: boolean;
}) {
  // Keyed by its JSON: the attributes are a new object on every render of the form.
  const settledKey = useDebounced(asset === null ? null : JSON.stringify(asset), 300);
  const settled = useMemo(
    () => (settledKey === null ? null : (JSON.parse(settledKey) as Record<string, string | number>)),
    [settledKey],
  );
  const { data, isError, error, isFetching } = useQuery({
    queryKey: queryKeys.maxAcquisition(portfolio, settled ?? {}),
    queryFn: ({ signal }) => fetchMaxAcquisition(portfolio, settled ?? {}, signal),
    enabled: settled !== null,
    placeholderData: keepPreviousData,
    retry: (count, e) => !isRefusal(e) && count < 2,
  });

  let body: ReactNode;
  if (asset === null) {
    body = compact ? null : (
      <span className="text-muted">
        Fill in the asset's strategy, state, MSA, vintage, construction type or rent band to see the largest purchase
        that fits today's limits.
      </span>
    );
  } else if (isError) {
    body = <span className="text-breach">Could not work out the largest purchase: {error.message}</span>;
  } else if (!data) {
    body = <span className="text-muted">Working out the largest purchase that fits…</span>;
  } else {
    const own = normalizePosition({ ...(settled as RawPosition), position_value: 1 }, 0);
    const isOwnValue = (b: BindingLimit) => own.ok && bucketOf(own.position, b.dimensionType) === b.dimensionValue;
    const { headline, detail } = acquisitionSentence(data, (b) => describeLimit(b, labelOf), isOwnValue);
    body = (
      <>
        <span
          className={data.maxValue === 0 ? "font-medium text-breach" : "font-medium"}
          title={data.maxValue === null ? undefined : formatMoneyExact(data.maxValue)}
        >
          {headline}
        </span>
        {detail && <span className="block text-muted">{detail}</span>}
      </>
    );
  }
  if (body === null) return null;
  return (
    <p
      data-testid="largest-acquisition"
      aria-live="polite"
      aria-busy={isFetching || undefined}
      className={compact ? "text-xs" : "rounded-md border border-border bg-surface-2 px-3 py-2 text-sm"}
    >
      {!compact && <span className="mb-0.5 block text-xs font-medium text-muted">Largest purchase that fits</span>}
      {body}
    </p>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { queryKeys } from "../query-keys";
import { Combobox } from "./combobox";
import { isRefusal, type MsaMatch, searchMsas } from "./fetchers";
import { useDebounced } from "./use-debounced";

export interface MsaChoice {
  /** The 5-digit CBSA code; "" while the box names none. */
  code: string;
  /** What the box shows. */
  text: string;
  /** The CBSA title, when one was picked. */
  title: string | null;
}

/** No MSA picked yet. */
export const EMPTY_MSA: MsaChoice = { code: "", text: "", title: null };

export const msaLabel = (m: Pick<MsaMatch, "code" | "title">) => `${m.title} (${m.code})`;

const CODE = /^\d{5}$/;

/** What typing `text` means: a 5-digit code stands for itself; a name needs a suggestion picked. */
export function typedMsa(text: string): MsaChoice {
  const trimmed = text.trim();
  return { code: CODE.test(trimmed) ? trimmed : "", text, title: null };
}

/**
 * An MSA picked by name: "phoenix" suggests "Phoenix-Mesa-Scottsdale, AZ (38060)" and the code is
 * what is kept. The names come from the server a few at a time (the whole list is ~48 kB).
 */
export function MsaPicker({
  id,
  value,
  onChange,
  invalid,
  describedBy,
  className,
}: {
  id: string;
  value: MsaChoice;
  onChange: (choice: MsaChoice) => void;
  invalid?: boolean;
  describedBy?: string | undefined;
  className: string;
}) {
  const query = useDebounced(value.text.trim(), 200);
  const searching = query.length >= 2 && value.title === null;
  const { data, isFetching, isError } = useQuery({
    queryKey: queryKeys.msaSearch(query),
    queryFn: ({ signal }) => searchMsas(query, signal),
    enabled: searching,
    staleTime: Number.POSITIVE_INFINITY,
    retry: (count, error) => !isRefusal(error) && count < 2,
  });
  const options = searching ? (data ?? []) : [];
  const status =
    value.title !== null || value.text.trim().length < 2
      ? null
      : isError
        ? "Suggestions are unavailable; type the 5-digit CBSA code"
        : isFetching || query !== value.text.trim()
          ? "Searching…"
          : CODE.test(value.text.trim())
            ? `No name on file for ${value.text.trim()}; the code is kept`
            : "No MSA matches; try another part of the name";
  return (
    <Combobox
      id={id}
      text={value.text}
      onTextChange={(text) => onChange(typedMsa(text))}
      options={options}
      optionKey={(m) => m.code}
      renderOption={(m) => (
        <span className="flex justify-between gap-3">
          <span>{m.title}</span>
          <span className="font-mono text-xs text-muted">{m.code}</span>
        </span>
      )}
      onPick={(m) => onChange({ code: m.code, text: msaLabel(m), title: m.title })}
      status={status}
      placeholder="Type a city, e.g. Phoenix"
      invalid={invalid}
      describedBy={describedBy}
      className={className}
    />
  );
}

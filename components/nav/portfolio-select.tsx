"use client";

import { useRef } from "react";
import { selectPortfolioAction } from "@/lib/actions/session";

export function PortfolioSelect({
  current,
  options,
}: {
  current: string;
  options: Array<{ slug: string; name: string }>;
}) {
  const form = useRef<HTMLFormElement>(null);
  if (options.length <= 1) return <span className="text-sm font-medium text-text">{options[0]?.name ?? current}</span>;
  return (
    <form ref={form} action={async (form) => void (await selectPortfolioAction(form))}>
      <label className="sr-only" htmlFor="portfolio-select">
        Portfolio
      </label>
      <select
        id="portfolio-select"
        name="portfolio"
        defaultValue={current}
        onChange={() => form.current?.requestSubmit()}
        className="rounded-md border border-border bg-surface px-2 py-1 text-sm"
      >
        {options.map((p) => (
          <option key={p.slug} value={p.slug}>
            {p.name}
          </option>
        ))}
      </select>
    </form>
  );
}

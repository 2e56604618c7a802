"use client";

import { useFormStatus } from "react-dom";
import { selectPortfolioAction } from "@/lib/actions/session";

/** The picker itself: held while the switch (a server action setting the cookie) is on its way. */
function Picker({ current, options }: { current: string; options: Array<{ slug: string; name: string }> }) {
  const { pending } = useFormStatus();
  return (
    <>
      <select
        id="portfolio-select"
        name="portfolio"
        defaultValue={current}
        aria-busy={pending}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="rounded-md border border-border bg-surface px-2 py-1 text-sm aria-busy:opacity-60"
      >
        {options.map((p) => (
          <option key={p.slug} value={p.slug}>
            {p.name}
          </option>
        ))}
      </select>
      <span role="status" data-testid="portfolio-switching" className={pending ? "text-xs text-muted" : "sr-only"}>
        {pending ? "Switching…" : ""}
      </span>
    </>
  );
}

export function PortfolioSelect({
  current,
  options,
}: {
  current: string;
  options: Array<{ slug: string; name: string }>;
}) {
  if (options.length <= 1) return <span className="text-sm font-medium text-text">{options[0]?.name ?? current}</span>;
  return (
    <form className="flex items-center gap-2" action={async (data) => void (await selectPortfolioAction(data))}>
      <label className="sr-only" htmlFor="portfolio-select">
        Portfolio
      </label>
      <Picker current={current} options={options} />
    </form>
  );
}

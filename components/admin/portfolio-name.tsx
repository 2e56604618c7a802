"use client";

import { type FormEvent, useState, useTransition } from "react";
import { renamePortfolioAction } from "@/lib/actions/portfolios";
import { Button } from "../ui/button";

/** Renames in place: the display name only (the slug stays); a refusal keeps what was typed and says why. */
export function PortfolioName({ slug, name }: { slug: string; name: string }) {
  const [value, setValue] = useState(name);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, startTransition] = useTransition();
  const id = `portfolio-name-${slug}`;

  function save(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    startTransition(async () => {
      const result = await renamePortfolioAction({ slug, name: value });
      if (result.ok) {
        setValue(result.data.name);
        setMessage({ text: "Saved.", error: false });
      } else {
        setMessage({ text: result.fieldErrors.name ?? result.message, error: true });
      }
    });
  }

  return (
    <form onSubmit={save} aria-label={`Rename ${slug}`} noValidate className="min-w-56">
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="sr-only">
          Name of {slug}
        </label>
        <input
          id={id}
          value={value}
          maxLength={200}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={message?.error ? true : undefined}
          aria-describedby={`${id}-status`}
          className={`w-full rounded-md border bg-surface px-2 py-1 text-sm ${message?.error ? "border-breach" : "border-border"}`}
        />
        <Button type="submit" disabled={pending || value === name} aria-label={`Save the name of ${slug}`}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
      <p
        id={`${id}-status`}
        aria-live="polite"
        data-testid="portfolio-name-status"
        className={`mt-1 min-h-4 text-xs ${message?.error ? "font-medium text-breach" : "text-muted"}`}
      >
        {message && (
          <>
            {message.error && <span aria-hidden="true">✕ </span>}
            {message.text}
          </>
        )}
      </p>
    </form>
  );
}

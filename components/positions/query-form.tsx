"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useTransition } from "react";

/**
 * A GET form for the table's URL state: it works without JavaScript, and with it navigates
 * client-side (keeping the upload panel's state). Empty fields are dropped. With autoApply it
 * applies itself on every change (selects); otherwise on submit (the page number box).
 */
export function QueryForm({
  children,
  autoApply = false,
  className = "",
}: {
  children: ReactNode;
  autoApply?: boolean;
  className?: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const apply = (form: HTMLFormElement) => {
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(form))
      if (typeof value === "string" && value.trim() !== "") query.set(key, value.trim());
    const text = query.toString();
    startTransition(() => router.push(`/positions${text ? `?${text}` : ""}#positions`, { scroll: false }));
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply(event.currentTarget);
  };
  return (
    <form
      method="get"
      action="/positions#positions"
      onSubmit={submit}
      onChange={autoApply ? (e) => apply(e.currentTarget) : undefined}
      aria-busy={pending}
      className={className}
    >
      {children}
      {autoApply && (
        <p aria-live="polite" className="h-4 text-xs text-muted">
          {pending ? "Updating the table…" : ""}
        </p>
      )}
    </form>
  );
}

"use client";

import { useLinkStatus } from "next/link";

/** Inside a <Link>: a small spinner while its navigation is under way (sorting 100k rows takes a moment). */
export function LinkPending() {
  const { pending } = useLinkStatus();
  if (!pending) return null;
  return (
    <span
      aria-hidden="true"
      className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-accent border-t-transparent"
    />
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "../ui/button";

/** Re-renders the page on the server with the URL as it is (a link to the same URL may only scroll). */
export function RefreshButton({ label = "Refresh" }: { label?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button variant="ghost" disabled={pending} onClick={() => startTransition(() => router.refresh())}>
      {pending ? "Refreshing…" : label}
    </Button>
  );
}

"use client";

import { useEffect, useRef, useState } from "react";
import type { AlertDto } from "@/lib/services/alerts";

/**
 * A sentence for screen readers when polling brings alerts newer than any seen before ("1 new
 * alert: …"), so a breach that appears on its own is also heard. Rows that vanish or older rows
 * loaded by "Show more" say nothing.
 */
export function useNewAlertNote(items: readonly AlertDto[]): string {
  const newest = useRef<string | null>(null);
  const [note, setNote] = useState("");
  useEffect(() => {
    const latest = items.reduce<string | null>(
      (max, a) => (max === null || a.createdAt > max ? a.createdAt : max),
      null,
    );
    const seen = newest.current;
    if (seen !== null) {
      const fresh = items.filter((a) => a.createdAt > seen);
      if (fresh.length > 0)
        setNote(fresh.length === 1 ? `1 new alert: ${fresh[0]?.alertMessage ?? ""}` : `${fresh.length} new alerts`);
    }
    if (latest !== null && (seen === null || latest > seen)) newest.current = latest;
  }, [items]);
  return note;
}

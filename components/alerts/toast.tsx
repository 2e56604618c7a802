"use client";

import { useEffect } from "react";

export interface ToastMessage {
  id: number;
  tone: "success" | "error";
  text: string;
  details?: string[];
}

/**
 * A small live region in the corner: screen readers announce what an action did. It is always in
 * the DOM (a region that appears together with its text is often not announced). Successes fade
 * after a few seconds; failures stay until dismissed so they can be read.
 */
export function Toast({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss: () => void }) {
  useEffect(() => {
    if (!toast || toast.tone === "error") return;
    const timer = window.setTimeout(onDismiss, 6_000);
    return () => window.clearTimeout(timer);
  }, [toast, onDismiss]);

  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-4 bottom-4 z-40 flex justify-end sm:left-auto"
    >
      {toast && (
        <div
          data-testid="alert-toast"
          data-tone={toast.tone}
          className={`pointer-events-auto w-full max-w-sm rounded-card border p-3 text-sm shadow-lg ${
            toast.tone === "error" ? "border-breach/40 bg-breach-bg" : "border-within/40 bg-within-bg"
          }`}
        >
          <div className="flex items-start gap-2">
            <span aria-hidden="true" className={toast.tone === "error" ? "text-breach" : "text-within"}>
              {toast.tone === "error" ? "✕" : "✓"}
            </span>
            <div className="min-w-0 flex-1">
              <p className="font-medium">{toast.text}</p>
              {toast.details && toast.details.length > 0 && (
                <ul className="mt-1 list-disc space-y-0.5 pl-4 text-xs text-muted">
                  {toast.details.map((d, i) => (
                    <li key={i}>{d}</li>
                  ))}
                </ul>
              )}
            </div>
            <button
              type="button"
              onClick={onDismiss}
              className="rounded px-1 text-muted hover:text-text"
              aria-label="Dismiss message"
            >
              ×
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "../ui/button";

/** The one time a token is visible: only its hash is stored, so it cannot be shown again. */
export function NewTokenBox({
  token,
  name,
  userEmail,
  onDone,
}: {
  token: string;
  name: string;
  userEmail: string;
  onDone: () => void;
}) {
  const [copied, setCopied] = useState<string | null>(null);
  const value = useRef<HTMLElement>(null);
  const box = useRef<HTMLElement>(null);
  // Only rendered after a submit, never on the server, so reading the origin here is safe.
  const origin = typeof window === "undefined" ? "" : window.location.origin;

  // The form keys this box by its token, so each new token mounts it afresh and takes the focus.
  useEffect(() => box.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied("Copied to the clipboard.");
    } catch {
      // The clipboard API needs a secure context; fall back to selecting the text for Ctrl+C.
      const range = document.createRange();
      if (value.current) range.selectNodeContents(value.current);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      setCopied("Selected: press Ctrl+C (⌘C) to copy.");
    }
  }

  return (
    <section
      ref={box}
      tabIndex={-1}
      aria-label="New API token"
      data-testid="new-token-box"
      className="mt-4 rounded-card border-2 border-near bg-near-bg p-4 text-sm outline-none"
    >
      <p className="font-semibold">
        <span aria-hidden="true">⚠ </span>Token &ldquo;{name}&rdquo; for {userEmail}. Copy it now: it will not be shown
        again.
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code
          ref={value}
          data-testid="new-token-value"
          className="min-w-0 break-all rounded-md border border-border bg-surface px-2 py-1 font-mono text-xs"
        >
          {token}
        </code>
        <Button variant="primary" onClick={copy}>
          Copy
        </Button>
        <span aria-live="polite" className="text-xs text-muted">
          {copied}
        </span>
      </div>
      <p className="mt-3 text-xs text-muted">Use it as a bearer token, for example:</p>
      <pre className="mt-1 overflow-x-auto rounded-md border border-border bg-surface p-2 font-mono text-xs">
        <code>{`curl -H "Authorization: Bearer ${token}" ${origin}/api/alerts`}</code>
      </pre>
      <Button className="mt-3" onClick={onDone}>
        Done, I have copied it
      </Button>
    </section>
  );
}

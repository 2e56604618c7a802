"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { revokeTokenAction } from "@/lib/actions/admin";
import { Button, buttonClass } from "../ui/button";

/** Revoke in two steps: the confirm button takes focus, so Enter confirms and Tab reaches Cancel. */
export function RevokeToken({ id, name }: { id: string; name: string }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const confirm = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirm.current?.focus();
  }, [confirming]);

  function revoke() {
    setError(null);
    startTransition(async () => {
      const result = await revokeTokenAction({ id });
      setConfirming(false);
      if (!result.ok) setError(result.message);
    });
  }

  return (
    <div>
      <div className="flex flex-wrap items-center gap-2">
        {confirming ? (
          <>
            <button
              ref={confirm}
              type="button"
              className={buttonClass("danger", "whitespace-nowrap")}
              aria-label={`Confirm revoke ${name}`}
              disabled={pending}
              onClick={revoke}
            >
              {pending ? "Revoking…" : "Confirm revoke"}
            </button>
            <Button onClick={() => setConfirming(false)} disabled={pending}>
              Cancel
            </Button>
          </>
        ) : (
          <Button aria-label={`Revoke ${name}`} onClick={() => setConfirming(true)}>
            Revoke
          </Button>
        )}
      </div>
      <p aria-live="polite" className="mt-1 text-xs font-medium text-breach">
        {error}
      </p>
    </div>
  );
}

"use client";

import { useState, useTransition } from "react";
import { archivePortfolioAction, unarchivePortfolioAction } from "@/lib/actions/portfolios";
import { Button } from "../ui/button";
import { ConfirmDelete } from "../ui/confirm-delete";

/** Archive or unarchive in two steps, as a delete is confirmed. */
export function ArchivePortfolio({ slug, name, archived }: { slug: string; name: string; archived: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const verb = archived ? "unarchive" : "archive";

  function change() {
    setError(null);
    startTransition(async () => {
      const result = await (archived ? unarchivePortfolioAction : archivePortfolioAction)({ slug });
      setConfirming(false);
      if (!result.ok) setError(result.message);
    });
  }

  return (
    <div>
      <div className="flex flex-wrap items-center gap-2">
        {confirming ? (
          <ConfirmDelete
            name={name}
            verb={verb}
            busy={pending}
            onConfirm={change}
            onCancel={() => setConfirming(false)}
          />
        ) : (
          <Button aria-label={`${archived ? "Unarchive" : "Archive"} ${name}`} onClick={() => setConfirming(true)}>
            {archived ? "Unarchive" : "Archive"}
          </Button>
        )}
      </div>
      <p aria-live="polite" className="mt-1 text-xs font-medium text-breach">
        {error}
      </p>
    </div>
  );
}

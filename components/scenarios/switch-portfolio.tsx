"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { selectPortfolioAction } from "@/lib/actions/session";
import { Button } from "../ui/button";

/** Opens a shared scenario's own portfolio: the nav's choice, made from the link. */
export function SwitchPortfolio({ slug, name }: { slug: string; name: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div className="rounded-card border border-border bg-surface p-4 text-sm">
      <p>
        It is in the portfolio <strong>{name}</strong>. Switch to it to open the scenario.
      </p>
      <Button
        className="mt-3"
        variant="primary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            await selectPortfolioAction({ portfolio: slug });
            router.refresh();
          })
        }
      >
        Switch to {name}
      </Button>
    </div>
  );
}

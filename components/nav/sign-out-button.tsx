"use client";

import { useTransition } from "react";
import { signOutAction } from "@/lib/actions/session";

/** Ends the session; the action redirects to the sign-in page. */
export function SignOutButton() {
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => startTransition(async () => void (await signOutAction({})))}
      className="text-sm font-medium text-accent hover:underline"
    >
      Sign out
    </button>
  );
}

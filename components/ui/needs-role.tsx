import type { Role } from "@/lib/auth/roles";

/**
 * Why a control is missing: shown instead of what the signed-in role may not use, so nobody
 * clicks a button only for the server to refuse it.
 */
export function NeedsRole({ what, need, role }: { what: string; need: Role; role: Role }) {
  return (
    <p data-testid="needs-role" className="rounded-md border border-border bg-surface-2 px-3 py-2 text-sm text-muted">
      <span aria-hidden="true">🔒 </span>
      {what} needs the {need} role; you are signed in as a {role}. Ask an admin if you need it.
    </p>
  );
}

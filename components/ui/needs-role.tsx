import type { Role } from "@/lib/auth/roles";

/**
 * Why a control is missing: shown instead of what the signed-in role may not use, so nobody
 * clicks a button only for the server to refuse it.
 */
export function NeedsRole({ what, need, role }: { what: string; need: Role; role: Role }) {
  return (
    <p
      data-testid="needs-role"
      className="flex items-start gap-2 rounded-md border border-border bg-surface-2 px-3 py-2 text-sm text-muted"
    >
      <LockIcon />
      <span>
        {what} needs the {need} role; you are signed in as a {role}. Ask an admin if you need it.
      </span>
    </p>
  );
}

/** A padlock drawn inline: an emoji needs a font the machine may not have. */
function LockIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="mt-0.5 size-4 shrink-0" fill="none" stroke="currentColor">
      <rect x="3" y="7" width="10" height="7" rx="1.5" strokeWidth="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" strokeWidth="1.5" />
    </svg>
  );
}

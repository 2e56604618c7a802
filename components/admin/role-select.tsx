"use client";

import { useState, useTransition } from "react";
import { setRoleAction } from "@/lib/actions/admin";
import { ROLES, type Role } from "@/lib/auth/roles";

/** Changes a role as soon as it is picked; a refused change (the last admin) snaps back and says why. */
export function RoleSelect({ userId, email, role }: { userId: string; email: string; role: Role }) {
  const [value, setValue] = useState<string>(role);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, startTransition] = useTransition();
  const id = `role-${userId}`;

  function change(next: string) {
    const previous = value;
    setValue(next);
    setMessage(null);
    startTransition(async () => {
      const result = await setRoleAction({ userId, role: next as Role });
      if (result.ok) {
        setMessage({ text: `Now ${result.data.role}.`, error: false });
      } else {
        setValue(previous);
        setMessage({ text: result.message, error: true });
      }
    });
  }

  return (
    <div className="min-w-40">
      <label htmlFor={id} className="sr-only">
        Role of {email}
      </label>
      <select
        id={id}
        value={value}
        disabled={pending}
        aria-describedby={`${id}-status`}
        aria-invalid={message?.error ? true : undefined}
        onChange={(e) => change(e.target.value)}
        className={`rounded-md border bg-surface px-2 py-1 text-sm ${message?.error ? "border-breach" : "border-border"}`}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <p
        id={`${id}-status`}
        aria-live="polite"
        data-testid="role-status"
        className={`mt-1 max-w-xs text-xs ${message?.error ? "font-medium text-breach" : "text-muted"}`}
      >
        {pending ? (
          "Saving…"
        ) : message ? (
          <>
            {message.error && <span aria-hidden="true">✕ </span>}
            {message.text}
          </>
        ) : null}
      </p>
    </div>
  );
}

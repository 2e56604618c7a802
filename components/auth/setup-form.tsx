"use client";

import { useActionState } from "react";
import { setupFirstAdminAction } from "@/lib/actions/session";
import { Button } from "../ui/button";
import { Field } from "./field";

export function SetupForm() {
  const [state, action, pending] = useActionState((_: unknown, form: FormData) => setupFirstAdminAction(form), null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} data-testid="setup-form">
      <Field id="name" label="Your name" autoComplete="name" required error={failed?.fieldErrors.name} />
      <Field id="email" label="Email" type="email" autoComplete="username" required error={failed?.fieldErrors.email} />
      <Field
        id="password"
        label="Password (at least 10 characters)"
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
        error={failed?.fieldErrors.password}
      />
      <p role="alert" className="mb-3 min-h-5 text-sm text-breach">
        {failed && Object.keys(failed.fieldErrors).length === 0 ? failed.message : null}
      </p>
      <Button type="submit" variant="primary" disabled={pending} className="w-full">
        {pending ? "Creating…" : "Create admin and sign in"}
      </Button>
    </form>
  );
}

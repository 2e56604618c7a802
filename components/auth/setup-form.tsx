"use client";

import { useActionState } from "react";
import { Button } from "../ui/button";
import { setupFirstAdmin } from "./actions";
import { Field } from "./field";

export function SetupForm() {
  const [state, action, pending] = useActionState(setupFirstAdmin, null);
  return (
    <form action={action} data-testid="setup-form">
      <Field id="name" label="Your name" autoComplete="name" required error={state?.fieldErrors?.name} />
      <Field id="email" label="Email" type="email" autoComplete="username" required error={state?.fieldErrors?.email} />
      <Field id="password" label="Password (at least 10 characters)" type="password" autoComplete="new-password" minLength={10} required error={state?.fieldErrors?.password} />
      <p role="alert" className="mb-3 min-h-5 text-sm text-breach">
        {state && !state.fieldErrors ? state.message : null}
      </p>
      <Button type="submit" variant="primary" disabled={pending} className="w-full">
        {pending ? "Creating…" : "Create admin and sign in"}
      </Button>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { createUserAction } from "@/lib/actions/admin";
import { ROLES } from "@/lib/auth/roles";
import { Button } from "../ui/button";
import { errorProps, FormField, inputClass } from "./form-field";

type Submitted = {
  result: Awaited<ReturnType<typeof createUserAction>>;
  values: { name: string; email: string; role: string };
};

/** What was typed stays in the form after a refusal (never the password). */
async function submit(_: Submitted | null, form: FormData): Promise<Submitted> {
  const values = {
    name: String(form.get("name") ?? ""),
    email: String(form.get("email") ?? ""),
    role: String(form.get("role") ?? ""),
  };
  return { result: await createUserAction(form), values };
}

export function NewUserForm() {
  const [submitted, action, pending] = useActionState(submit, null);
  const state = submitted?.result;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? submitted.values : undefined;
  const field = (id: string) => ({ id: `new-user-${id}`, error: errors?.[id] });
  return (
    <form action={action} data-testid="new-user-form" aria-label="New user" noValidate>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <FormField {...field("name")} label="Name">
          <input
            id="new-user-name"
            name="name"
            autoComplete="off"
            required
            defaultValue={values?.name}
            className={inputClass(!!errors?.name)}
            {...errorProps("new-user-name", errors?.name)}
          />
        </FormField>
        <FormField {...field("email")} label="Email">
          <input
            id="new-user-email"
            name="email"
            type="email"
            autoComplete="off"
            required
            defaultValue={values?.email}
            className={inputClass(!!errors?.email)}
            {...errorProps("new-user-email", errors?.email)}
          />
        </FormField>
        <FormField {...field("role")} label="Role">
          <select
            id="new-user-role"
            name="role"
            defaultValue={values?.role || "viewer"}
            className={inputClass(!!errors?.role)}
            {...errorProps("new-user-role", errors?.role)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </FormField>
        <FormField {...field("password")} label="Initial password (at least 10 characters)">
          <input
            id="new-user-password"
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={10}
            required
            className={inputClass(!!errors?.password)}
            {...errorProps("new-user-password", errors?.password)}
          />
        </FormField>
      </div>
      <div className="mt-1 flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Creating…" : "Create user"}
        </Button>
        <p
          role="status"
          aria-live="polite"
          data-testid="new-user-message"
          className={`text-sm ${state?.ok ? "text-within" : "font-medium text-breach"}`}
        >
          {state?.ok ? `Created ${state.data.email} (${state.data.role}).` : state?.message}
        </p>
      </div>
    </form>
  );
}

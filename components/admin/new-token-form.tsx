"use client";

import { useActionState, useState } from "react";
import { createTokenAction } from "@/lib/actions/admin";
import { Button } from "../ui/button";
import { errorProps, FormField, inputClass } from "./form-field";
import { NewTokenBox } from "./new-token-box";

export function NewTokenForm({
  users,
  defaultUserId,
}: {
  users: Array<{ id: string; label: string }>;
  defaultUserId: string;
}) {
  const [state, action, pending] = useActionState((_: unknown, form: FormData) => createTokenAction(form), null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const created = state?.ok && state.data.token !== dismissed ? state.data : null;
  return (
    <>
      <form action={action} data-testid="new-token-form" aria-label="New API token" noValidate>
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField id="new-token-name" label="Token name (what it is for)" error={errors?.name}>
            <input
              id="new-token-name"
              name="name"
              required
              maxLength={100}
              autoComplete="off"
              placeholder="e.g. nightly import"
              className={inputClass(!!errors?.name)}
              {...errorProps("new-token-name", errors?.name)}
            />
          </FormField>
          <FormField id="new-token-user" label="Acts as user" error={errors?.userId}>
            <select
              id="new-token-user"
              name="userId"
              defaultValue={defaultUserId}
              className={inputClass(!!errors?.userId)}
              {...errorProps("new-token-user", errors?.userId)}
            >
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.label}
                </option>
              ))}
            </select>
          </FormField>
        </div>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? "Creating…" : "Create token"}
          </Button>
          <p role="status" aria-live="polite" className="text-sm font-medium text-breach">
            {state && !state.ok && Object.keys(state.fieldErrors).length === 0 ? state.message : null}
          </p>
        </div>
      </form>
      {created && (
        <NewTokenBox
          key={created.token}
          token={created.token}
          name={created.apiToken.name}
          userEmail={created.apiToken.userEmail}
          onDone={() => setDismissed(created.token)}
        />
      )}
    </>
  );
}

"use client";

import { useActionState } from "react";
import { createPortfolioAction } from "@/lib/actions/portfolios";
import { Button } from "../ui/button";
import { errorProps, FormField, inputClass } from "./form-field";

type Submitted = {
  result: Awaited<ReturnType<typeof createPortfolioAction>>;
  values: { name: string; slug: string };
};

/** What was typed stays in the form after a refusal. */
async function submit(_: Submitted | null, form: FormData): Promise<Submitted> {
  const values = { name: String(form.get("name") ?? ""), slug: String(form.get("slug") ?? "") };
  return { result: await createPortfolioAction(form), values };
}

export function NewPortfolioForm() {
  const [submitted, action, pending] = useActionState(submit, null);
  const state = submitted?.result;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? submitted.values : undefined;
  return (
    // After a success the key changes, so the form starts empty again.
    <form
      key={state?.ok ? state.data.id : "new"}
      action={action}
      data-testid="new-portfolio-form"
      aria-label="New portfolio"
      noValidate
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField id="new-portfolio-name" label="Name" error={errors?.name}>
          <input
            id="new-portfolio-name"
            name="name"
            autoComplete="off"
            required
            maxLength={200}
            defaultValue={values?.name}
            className={inputClass(!!errors?.name)}
            {...errorProps("new-portfolio-name", errors?.name)}
          />
        </FormField>
        <FormField
          id="new-portfolio-slug"
          label="Slug (lower-case letters, digits and dashes; cannot change later)"
          error={errors?.slug}
        >
          <input
            id="new-portfolio-slug"
            name="slug"
            autoComplete="off"
            required
            maxLength={63}
            pattern="[a-z0-9][a-z0-9\-]*"
            defaultValue={values?.slug}
            className={`${inputClass(!!errors?.slug)} font-mono`}
            {...errorProps("new-portfolio-slug", errors?.slug)}
          />
        </FormField>
      </div>
      <div className="mt-1 flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Creating…" : "Create portfolio"}
        </Button>
        <p
          role="status"
          aria-live="polite"
          data-testid="new-portfolio-message"
          className={`text-sm ${state?.ok ? "text-within" : "font-medium text-breach"}`}
        >
          {state?.ok ? `Created ${state.data.name} (${state.data.slug}).` : state?.message}
        </p>
      </div>
    </form>
  );
}

import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { type Actor, hasRole, type Role } from "../auth/roles";
import { type FieldIssue, isAppError } from "../errors";
import type { PortfolioContext } from "../services/context";
import { cookiePortfolio, getActor } from "./page";

// The one way into a server action, like route() for handlers (dub's safe-action client and
// next-learn's single State type are the models): authenticate, check the role, parse the input
// with the schema the form shares, resolve the context, run the service, and answer one
// ActionResult. An AppError the user can act on (a 4xx) is an answer; anything else is thrown to
// the segment's error boundary.

export type FieldErrors = Record<string, string>;
export type ActionResult<T> = { ok: true; data: T } | { ok: false; message: string; fieldErrors: FieldErrors };

/** The pages whose data an action changes: a path, or a path with Next's revalidation type. */
export type Revalidate = string | [path: string, type: "layout" | "page"];

export interface ActionOptions {
  /** The message when the input does not parse; the field errors say the rest. */
  invalid?: string | ((fieldErrors: FieldErrors) => string);
  revalidate?: Revalidate[];
}

/** The first message for each field, keyed by its top-level name (what a form shows beside it). */
export function fieldErrorsOf(issues: ReadonlyArray<Pick<FieldIssue, "field" | "message">> | undefined): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of issues ?? []) fieldErrors[issue.field.split(".")[0] || "form"] ??= issue.message;
  return fieldErrors;
}

const failure = (
  message: string,
  fieldErrors: FieldErrors = {},
): { ok: false; message: string; fieldErrors: FieldErrors } => ({ ok: false, message, fieldErrors });

/** A form's fields as a plain object (a single value per name; blank values stay ""). */
function valuesOf(input: unknown): unknown {
  return input instanceof FormData
    ? Object.fromEntries([...input.entries()].filter(([key]) => !key.startsWith("$ACTION")))
    : input;
}

/**
 * A server action that requires `role` (null: anyone, as the first-run setup). `fn` gets the
 * parsed input and the request's context; the actor is null only for an open action.
 */
export function action<S extends z.ZodType, T>(
  role: Role | null,
  schema: S,
  fn: (input: z.output<S>, ctx: PortfolioContext) => Promise<T>,
  options: ActionOptions = {},
): (input: z.input<S> | FormData) => Promise<ActionResult<T>> {
  return async (input) => {
    const actor: Actor | null = await getActor();
    if (role !== null) {
      if (!actor) return failure("Your session has ended: sign in again.");
      if (!hasRole(actor.role, role))
        return failure(`This needs the ${role} role; you are signed in as a ${actor.role}.`);
    }
    const parsed = schema.safeParse(valuesOf(input));
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(
        parsed.error.issues.map((i) => ({ field: i.path.map(String).join(".") || "form", message: i.message })),
      );
      const message =
        typeof options.invalid === "function"
          ? options.invalid(fieldErrors)
          : (options.invalid ?? "Check the highlighted fields.");
      return failure(message, fieldErrors);
    }
    try {
      const data = await fn(parsed.data, { actor, portfolio: await cookiePortfolio() });
      for (const target of options.revalidate ?? []) {
        if (typeof target === "string") revalidatePath(target);
        else revalidatePath(...target);
      }
      return { ok: true, data };
    } catch (error) {
      if (isAppError(error) && error.status < 500) return failure(error.message, fieldErrorsOf(error.details));
      throw error;
    }
  };
}

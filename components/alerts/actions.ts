"use server";

import { asActor } from "../auth/guard";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { acknowledgeAlert, resolveAlert } from "@/lib/alerts";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { acknowledgeSchema } from "@/lib/schemas";
import { currentPortfolio } from "../portfolio";

export interface AlertActionFailure {
  id: string;
  status: number;
  message: string;
}

export type AlertActionResult =
  | { ok: true; done: string[]; failed: AlertActionFailure[] }
  | { ok: false; message: string; fieldErrors?: Record<string, string> };

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

// The same rules as POST /api/alerts/{id}/acknowledge: who acts is the signed-in user.
const actionSchema = z.object({
  ids: z.array(z.uuid({ error: "is not an alert id" })).min(1, "select at least one alert").max(500, "select at most 500 alerts"),
  comment: z.preprocess(blankToUndefined, acknowledgeSchema.shape.comment),
});
export type AlertActionInput = z.input<typeof actionSchema>;

type Transition = (id: string, input: { comment?: string | undefined }, portfolio: string) => Promise<unknown>;

async function applyToEach(raw: AlertActionInput, transition: Transition, verb: string): Promise<AlertActionResult> {
  const parsed = actionSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
    return { ok: false, message: `Could not ${verb}: check the form.`, fieldErrors };
  }
  const { ids, comment } = parsed.data;
  const portfolio = await currentPortfolio();
  const done: string[] = [];
  const failed: AlertActionFailure[] = [];
  // One at a time: each transition locks the portfolio anyway, and one failure (say an alert a run
  // resolved meanwhile, a 409) must not stop the others.
  for (const id of new Set(ids)) {
    try {
      await transition(id, { comment }, portfolio);
      done.push(id);
    } catch (error) {
      if (isAppError(error)) {
        failed.push({ id, status: error.status, message: error.message });
      } else {
        logger.error({ event: "alert.action.error", alertId: id, verb, err: error }, "alert action failed");
        failed.push({ id, status: 500, message: "Something went wrong on our side; it has been logged." });
      }
    }
  }
  if (done.length > 0) {
    revalidatePath("/alerts");
    revalidatePath("/");
  }
  return { ok: true, done, failed };
}

export async function acknowledgeAlerts(input: AlertActionInput): Promise<AlertActionResult> {
  return asActor("manager", () => applyToEach(input, acknowledgeAlert, "acknowledge"));
}

export async function resolveAlerts(input: AlertActionInput): Promise<AlertActionResult> {
  return asActor("manager", () => applyToEach(input, resolveAlert, "resolve"));
}

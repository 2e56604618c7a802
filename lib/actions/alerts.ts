"use server";

import { isAppError } from "../errors";
import { action } from "../http/action";
import { logger } from "../logger";
import { type AlertBulkAction, type AlertTransition, alertBulkActionSchema } from "../schemas";
import { acknowledgeAlert, resolveAlert } from "../services/alerts";
import type { PortfolioContext } from "../services/context";

export interface AlertActionFailure {
  id: string;
  status: number;
  message: string;
}

export interface AlertActionOutcome {
  done: string[];
  failed: AlertActionFailure[];
}

type Transition = (ctx: PortfolioContext, id: string, input: AlertTransition) => Promise<unknown>;

function applyToEach(transition: Transition, verb: string) {
  return async ({ ids, comment }: AlertBulkAction, ctx: PortfolioContext): Promise<AlertActionOutcome> => {
    const done: string[] = [];
    const failed: AlertActionFailure[] = [];
    // One at a time: each transition locks the portfolio anyway, and one failure (say an alert a
    // run resolved meanwhile, a 409) must not stop the others.
    for (const id of new Set(ids)) {
      try {
        await transition(ctx, id, { comment });
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
    return { done, failed };
  };
}

const options = (verb: string) => ({ invalid: `Could not ${verb}: check the form.`, revalidate: ["/alerts", "/"] });

export const acknowledgeAlertsAction = action(
  "manager",
  alertBulkActionSchema,
  applyToEach(acknowledgeAlert, "acknowledge"),
  options("acknowledge"),
);

export const resolveAlertsAction = action(
  "manager",
  alertBulkActionSchema,
  applyToEach(resolveAlert, "resolve"),
  options("resolve"),
);

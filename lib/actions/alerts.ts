"use server";

import { isAppError } from "../errors";
import { action } from "../http/action";
import { logger } from "../logger";
import {
  type AlertBulkAction,
  type AlertTransition,
  type AlertWaiveAction,
  alertBulkActionSchema,
  alertWaiveActionSchema,
} from "../schemas";
import { acknowledgeAlert, resolveAlert, unwaiveAlert, waiveAlert } from "../services/alerts";
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

type Transition<I> = (ctx: PortfolioContext, id: string, input: I) => Promise<unknown>;

function applyToEach<A extends { ids: string[] }, I>(transition: Transition<I>, verb: string, inputOf: (args: A) => I) {
  return async (args: A, ctx: PortfolioContext): Promise<AlertActionOutcome> => {
    const done: string[] = [];
    const failed: AlertActionFailure[] = [];
    const input = inputOf(args);
    // One at a time: each transition locks the portfolio anyway, and one failure (say an alert a
    // run resolved meanwhile, a 409) must not stop the others.
    for (const id of new Set(args.ids)) {
      try {
        await transition(ctx, id, input);
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

const withComment = ({ comment }: AlertBulkAction): AlertTransition => ({ comment });

export const acknowledgeAlertsAction = action(
  "manager",
  alertBulkActionSchema,
  applyToEach(acknowledgeAlert, "acknowledge", withComment),
  options("acknowledge"),
);

export const resolveAlertsAction = action(
  "manager",
  alertBulkActionSchema,
  applyToEach(resolveAlert, "resolve", withComment),
  options("resolve"),
);

export const waiveAlertsAction = action(
  "manager",
  alertWaiveActionSchema,
  applyToEach(waiveAlert, "waive", ({ reason, until }: AlertWaiveAction) => ({ reason, until })),
  options("waive"),
);

export const unwaiveAlertsAction = action(
  "manager",
  alertBulkActionSchema,
  applyToEach(unwaiveAlert, "end the waiver of", withComment),
  options("end the waiver"),
);

"use server";

import { asActor } from "../auth/guard";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { isAppError } from "@/lib/errors";
import { thresholdCreateSchema, thresholdUpdateSchema, type ThresholdCreate, type ThresholdUpdate } from "@/lib/schemas";
import { createThreshold, deleteThreshold, updateThreshold, type ThresholdDto } from "@/lib/thresholds";
import { currentPortfolio } from "../portfolio";

export type LimitActionResult =
  | { ok: true; limit?: ThresholdDto }
  | { ok: false; message: string; fieldErrors?: Record<string, string> };

const idSchema = z.uuid({ error: "is not a limit id" });

function fieldErrorsOf(details: ReadonlyArray<{ field: string; message: string }> | undefined): Record<string, string> | undefined {
  const fieldErrors: Record<string, string> = {};
  for (const d of details ?? []) fieldErrors[d.field] ??= d.message;
  return Object.keys(fieldErrors).length > 0 ? fieldErrors : undefined;
}

function invalid(error: z.ZodError): LimitActionResult {
  const details = error.issues.map((i) => ({ field: String(i.path[0] ?? "form"), message: i.message }));
  return { ok: false, message: "The limit was not saved: check the highlighted fields.", fieldErrors: fieldErrorsOf(details) };
}

/** Expected failures (bad value, duplicate, gone) come back as values; anything else is thrown. */
async function run(work: (portfolio: string) => Promise<ThresholdDto | void>): Promise<LimitActionResult> {
  try {
    const limit = await work(await currentPortfolio());
    // Limits feed the dials, the exposure tables, the trend reference lines and the alerts.
    revalidatePath("/limits");
    revalidatePath("/");
    revalidatePath("/alerts");
    revalidatePath("/trends");
    revalidatePath("/exposures/[dimension]", "page");
    return limit ? { ok: true, limit } : { ok: true };
  } catch (error) {
    if (isAppError(error) && error.status < 500) return { ok: false, message: error.message, fieldErrors: fieldErrorsOf(error.details) };
    throw error;
  }
}

export async function createLimit(input: ThresholdCreate): Promise<LimitActionResult> {
  const parsed = thresholdCreateSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return asActor("manager", () => run((portfolio) => createThreshold(parsed.data, portfolio)));
}

export async function updateLimit(id: string, input: ThresholdUpdate): Promise<LimitActionResult> {
  const parsedId = idSchema.safeParse(id);
  if (!parsedId.success) return { ok: false, message: `Limit ${id} does not exist.` };
  const parsed = thresholdUpdateSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return asActor("manager", () => run((portfolio) => updateThreshold(parsedId.data, parsed.data, portfolio)));
}

export async function deleteLimit(id: string): Promise<LimitActionResult> {
  const parsedId = idSchema.safeParse(id);
  if (!parsedId.success) return { ok: false, message: `Limit ${id} does not exist.` };
  return asActor("manager", () => run((portfolio) => deleteThreshold(parsedId.data, portfolio)));
}

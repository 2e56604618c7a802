"use server";

import { asActor } from "../auth/guard";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { isAppError, type AppError } from "@/lib/errors";
import { computeRun, todayUtc } from "@/lib/runs";
import { loadSamplePortfolio, type SampleSummary } from "@/lib/sample";
import { isoDateSchema } from "@/lib/schemas";
import { currentPortfolio } from "../portfolio";

export type ActionFailure = { ok: false; message: string; fieldErrors?: Record<string, string> };
export type LoadSampleResult = { ok: true; summary: SampleSummary } | ActionFailure;
export type RecomputeResult = { ok: true; asOfDate: string; positionCount: number; opened: number; resolved: number } | ActionFailure;

function failure(error: AppError): ActionFailure {
  const fieldErrors: Record<string, string> = {};
  for (const d of error.details ?? []) fieldErrors[d.field] ??= d.message;
  return { ok: false, message: error.message, ...(Object.keys(fieldErrors).length ? { fieldErrors } : {}) };
}

/** Replaces the current portfolio's positions with the bundled sample and its year of history. */
export async function loadSample(): Promise<LoadSampleResult> {
  return asActor("manager", loadSampleAs);
}

async function loadSampleAs(): Promise<LoadSampleResult> {
  try {
    const summary = await loadSamplePortfolio(await currentPortfolio());
    revalidatePath("/", "layout");
    return { ok: true, summary };
  } catch (error) {
    if (isAppError(error)) return failure(error);
    throw error;
  }
}

const recomputeSchema = z.object({
  asOfDate: z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined), isoDateSchema.optional()),
});

/** Computes and stores exposures from the stored positions for the chosen as-of date (default today, UTC). */
export async function recompute(formData: FormData): Promise<RecomputeResult> {
  return asActor("manager", () => recomputeAs(formData));
}

async function recomputeAs(formData: FormData): Promise<RecomputeResult> {
  const parsed = recomputeSchema.safeParse({ asOfDate: formData.get("asOfDate") ?? undefined });
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "is invalid";
    return { ok: false, message: `As-of date ${message}.`, fieldErrors: { asOfDate: message } };
  }
  try {
    const run = await computeRun({ asOfDate: parsed.data.asOfDate ?? todayUtc() }, await currentPortfolio());
    revalidatePath("/", "layout");
    return { ok: true, asOfDate: run.asOfDate, positionCount: run.positionCount, opened: run.alerts.opened, resolved: run.alerts.resolved };
  } catch (error) {
    if (isAppError(error)) return failure(error);
    throw error;
  }
}

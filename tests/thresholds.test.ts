import { describe, expect, test } from "vitest";
import type { AppError } from "@/lib/errors";
import type { ThresholdCreate } from "@/lib/schemas";
import { createThreshold, listThresholds, updateThreshold } from "@/lib/thresholds";
import { useTestDatabase } from "./support/db";
import { freshPortfolio } from "./support/fixtures";

useTestDatabase();

const valid: ThresholdCreate = { dimensionType: "strategy", dimensionValue: "value_add", thresholdPct: 30, thresholdType: "maximum", severityLevel: "critical" };

describe("limits", () => {
  test.each([
    ["dimensionType", { dimensionType: "city" }],
    ["thresholdPct", { thresholdPct: 130 }],
    ["thresholdPct", { thresholdPct: -1 }],
    ["thresholdType", { thresholdType: "max" }],
    ["severityLevel", { severityLevel: "high" }],
    ["isActive", { isActive: "yes" }],
    ["dimensionValue", { dimensionType: "state", dimensionValue: "ZZ" }],
    ["dimensionValue", { dimensionType: "msa", dimensionValue: "123" }],
  ])("a bad %s is a 400 that names the field", async (field, patch) => {
    const slug = await freshPortfolio();
    const error = (await createThreshold({ ...valid, ...patch } as ThresholdCreate, slug).catch((e: unknown) => e)) as AppError;
    expect(error).toMatchObject({ code: "invalid_input", status: 400 });
    expect(error.details?.map((d) => d.field)).toContain(field);
    expect((await listThresholds(slug)).items).toEqual([]);
  });

  test.each([
    ["strategy", " Value_Add ", "value_add"],
    ["construction_type", " New Construction ", "new construction"],
    ["state", "tx", "TX"],
    ["vintage", "1987", "1980s"],
    ["msa", " 31080 ", "31080"],
    ["rent_band", "", null],
  ])("a %s value %j is stored normalised as %j", async (dimensionType, dimensionValue, stored) => {
    const slug = await freshPortfolio();
    const limit = await createThreshold({ ...valid, dimensionType, dimensionValue } as ThresholdCreate, slug);
    expect(limit.dimensionValue).toBe(stored);
  });

  test("a twin of an existing limit is a 409, editing one is not", async () => {
    const slug = await freshPortfolio();
    const limit = await createThreshold(valid, slug);
    await expect(createThreshold({ ...valid, dimensionValue: "VALUE_ADD" }, slug)).rejects.toMatchObject({ code: "conflict", status: 409 });
    await createThreshold({ ...valid, severityLevel: "warning", thresholdPct: 25 }, slug);
    const edited = await updateThreshold(limit.id, { thresholdPct: 35 }, slug);
    expect(edited).toMatchObject({ thresholdPct: 35, dimensionValue: "value_add", severityLevel: "critical" });
    await expect(updateThreshold(limit.id, { severityLevel: "warning" }, slug)).rejects.toMatchObject({ code: "conflict" });
    await expect(updateThreshold("00000000-0000-4000-8000-000000000000", { thresholdPct: 1 }, slug)).rejects.toMatchObject({ code: "not_found" });
  });
});

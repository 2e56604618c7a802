import { describe, expect, test } from "vitest";
import type { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/http/parse";
import { type LimitCreateInput, limitCreateSchema } from "@/lib/schemas";
import type { AlertDto } from "@/lib/services/alerts";
import { getAlertOrThrow, listAlerts, resolveAlert } from "@/lib/services/alerts";
import { listAuditEvents } from "@/lib/services/audit";
import type { PortfolioContext } from "@/lib/services/context";
import { createLimit, deleteLimit, listLimits, updateLimit } from "@/lib/services/limits";
import { importPositions } from "@/lib/services/positions-import";
import { computeRun } from "@/lib/services/runs-compute";
import { withTestDatabase } from "../support/db";
import { csvOf, freshPortfolio, limitOf, limitPatchOf } from "../support/fixtures";
import { openAlerts, storeBook } from "../support/seed";

withTestDatabase();

const valid: LimitCreateInput = {
  dimensionType: "strategy",
  dimensionValue: "value_add",
  thresholdPct: 30,
  thresholdType: "maximum",
  severityLevel: "critical",
};

/** What POST /api/thresholds does: the schema at the edge, then the service (which normalises the value). */
const create = async (ctx: PortfolioContext, body: unknown) =>
  createLimit(ctx, parseOrThrow(limitCreateSchema, body, "limit"));

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
    const ctx = await freshPortfolio();
    const error = (await create(ctx, { ...valid, ...patch }).catch((e: unknown) => e)) as AppError;
    expect(error).toMatchObject({ code: "invalid_input", status: 400 });
    expect(error.details?.map((d) => d.field)).toContain(field);
    expect((await listLimits(ctx)).items).toEqual([]);
  });

  test.each([
    ["strategy", " Value_Add ", "value_add"],
    ["construction_type", " New Construction ", "new construction"],
    ["state", "tx", "TX"],
    ["vintage", "1987", "1980s"],
    ["msa", " 31080 ", "31080"],
    ["rent_band", "", null],
  ])("a %s value %j is stored normalised as %j", async (dimensionType, dimensionValue, stored) => {
    const ctx = await freshPortfolio();
    const limit = await create(ctx, { ...valid, dimensionType, dimensionValue });
    expect(limit.dimensionValue).toBe(stored);
  });

  test("a twin of an existing limit is a 409, editing one is not", async () => {
    const ctx = await freshPortfolio();
    const limit = await createLimit(ctx, limitOf(valid));
    await expect(createLimit(ctx, limitOf({ ...valid, dimensionValue: "VALUE_ADD" }))).rejects.toMatchObject({
      code: "conflict",
      status: 409,
    });
    await createLimit(ctx, limitOf({ ...valid, severityLevel: "warning", thresholdPct: 25 }));
    const edited = await updateLimit(ctx, limit.id, { thresholdPct: 35 });
    expect(edited).toMatchObject({ thresholdPct: 35, dimensionValue: "value_add", severityLevel: "critical" });
    await expect(updateLimit(ctx, limit.id, { severityLevel: "warning" })).rejects.toMatchObject({ code: "conflict" });
    await expect(updateLimit(ctx, "00000000-0000-4000-8000-000000000000", { thresholdPct: 1 })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  test("a limit on units is taken and checked against the latest run's owned units at once", async () => {
    const ctx = await freshPortfolio();
    // TX owns 1,200 + half of 81 = 1,240.5 doors; CA's position has no units.
    const csv = csvOf([
      { state: "TX", position_value: "1000000", units: "1200", ownership_pct: "" },
      { state: "TX", position_value: "1000000", units: "81", ownership_pct: "50" },
      { state: "CA", position_value: "9000000", units: "", ownership_pct: "" },
    ]);
    await importPositions(ctx, { format: "csv", data: csv }, { mode: "replace", onError: "reject" });
    await computeRun(ctx, { asOfDate: "2025-06-30" });
    const cap = {
      dimensionType: "state",
      kind: "amount",
      basis: "units",
      thresholdAmount: 1000,
      severityLevel: "critical",
    };
    const limit = await create(ctx, cap);
    expect(limit).toMatchObject({ basis: "units", kind: "amount", thresholdAmount: 1000 });
    const alerts = async () =>
      (await listAlerts(ctx, { status: "open", limit: 10 })).items.map((a) => [
        a.basis,
        a.dimensionValue,
        a.exposurePct,
        a.breachPct,
        a.breachUnit,
        a.alertMessage,
      ]);
    expect(await alerts()).toEqual([
      [
        "units",
        "TX",
        1240.5,
        240.5,
        "units",
        "Exposure threshold breached: state='TX' at 1,240.5 units exceeds maximum of 1,000 units",
      ],
    ]);
    // A share of value made a share of units by a PATCH: TX holds all the known doors.
    const share = await create(ctx, {
      dimensionType: "state",
      dimensionValue: "TX",
      thresholdPct: 90,
      severityLevel: "warning",
    });
    expect(await updateLimit(ctx, share.id, { basis: "units" })).toMatchObject({ basis: "units" });
    expect((await alerts()).map((a) => a[5])).toContain(
      "Exposure threshold breached: state='TX' at 100.0% exceeds maximum of 90.0%",
    );
  });

  test("a reference and a note are kept trimmed, cleared by a PATCH, and tell no twins apart", async () => {
    const ctx = await freshPortfolio();
    const limit = await create(ctx, { ...valid, reference: " LPA §7.2(b) ", note: "Agreed with the LPAC.\n" });
    expect(limit).toMatchObject({ reference: "LPA §7.2(b)", note: "Agreed with the LPAC." });
    expect((await listLimits(ctx)).items).toEqual([limit]);
    expect(await create(ctx, { ...valid, dimensionValue: "core" })).toMatchObject({ reference: null, note: null });

    // The same rule with other words is the same limit.
    await expect(create(ctx, { ...valid, reference: "LPA §9.1", note: "another note" })).rejects.toMatchObject({
      code: "conflict",
      status: 409,
    });

    expect(await updateLimit(ctx, limit.id, limitPatchOf({ note: "Waived until Q3." }))).toMatchObject({
      reference: "LPA §7.2(b)",
      note: "Waived until Q3.",
      thresholdPct: 30,
    });
    expect(await updateLimit(ctx, limit.id, limitPatchOf({ reference: null, note: "  " }))).toMatchObject({
      reference: null,
      note: null,
    });

    const audited = (await listAuditEvents({ limit: 500, action: "limit." })).items.filter(
      (e) => e.target === limit.id,
    );
    expect(audited.map((e) => [e.action, e.details])).toEqual([
      ["limit.updated", expect.objectContaining({ reference: null, note: null })],
      ["limit.updated", expect.objectContaining({ note: "Waived until Q3." })],
      ["limit.created", expect.objectContaining({ reference: "LPA §7.2(b)", note: "Agreed with the LPAC." })],
    ]);
  });

  test("an alert reads its limit's reference and note; changing only them leaves the alerts as they were", async () => {
    const ctx = await freshPortfolio();
    await storeBook(ctx); // four states, a quarter each
    const limit = await create(ctx, {
      dimensionType: "state",
      thresholdPct: 20,
      reference: "LPA §7.2(b)",
      note: "No state above a fifth.",
    });
    const before = await openAlerts(ctx);
    expect(before).toHaveLength(4);
    expect(before.map((a) => [a.limitReference, a.limitNote])).toEqual(
      Array(4).fill(["LPA §7.2(b)", "No state above a fifth."]),
    );
    const [resolved, ...open] = before as [AlertDto, ...AlertDto[]];
    await resolveAlert(ctx, resolved.id, { comment: "sale agreed" });

    await updateLimit(ctx, limit.id, limitPatchOf({ reference: "LPA §7.2(c)", note: null }));
    // No run re-check: no fresh alert for the breach resolved by hand, the open ones not touched.
    const after = await openAlerts(ctx);
    expect(after.map((a) => [a.id, a.status, a.lastSeenAt, a.updatedAt, a.limitReference, a.limitNote])).toEqual(
      open.map((a) => [a.id, a.status, a.lastSeenAt, a.updatedAt, "LPA §7.2(c)", null]),
    );
    const detail = await getAlertOrThrow(ctx, resolved.id);
    expect(detail).toMatchObject({ status: "resolved", limitReference: "LPA §7.2(c)", limitNote: null });
    expect(detail.history.map((e) => e.kind)).toEqual(["opened", "resolved"]);

    // A change to the rule still re-checks at once: the breach resolved by hand opens again.
    await updateLimit(ctx, limit.id, limitPatchOf({ thresholdPct: 21 }));
    expect(await openAlerts(ctx)).toHaveLength(4);

    // Deleted, the limit has nothing more to say: its alerts keep their history and lose its words.
    await deleteLimit(ctx, limit.id);
    const history = (await listAlerts(ctx, { status: "resolved", limit: 100 })).items;
    expect(history).toHaveLength(5);
    expect(history.map((a) => [a.thresholdId, a.limitReference, a.limitNote])).toEqual(
      Array(5).fill([null, null, null]),
    );
  });
});

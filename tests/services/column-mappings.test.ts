import { describe, expect, test } from "vitest";
import { AppError } from "@/lib/errors";
import type { ColumnMapping } from "@/lib/import";
import { listAuditEvents } from "@/lib/services/audit";
import { getRememberedMapping } from "@/lib/services/column-mappings";
import type { PortfolioContext } from "@/lib/services/context";
import { importPositions, previewImport } from "@/lib/services/positions-import";
import { listPositions } from "@/lib/services/positions-list";
import { withTestDatabase } from "../support/db";
import { freshPortfolio } from "../support/fixtures";

withTestDatabase();

// A property manager's export: "Deal Code" and "Gross" are nobody's synonyms.
const EXPORT = "Deal Code,Gross,Metro,Notes\nD1,100,19100,x\nD2,200,12420,y\n";
const MAPPING = { "Deal Code": "position_id", Gross: "position_value", Notes: null } as const;
const MAPPING_WITHOUT_NOTES = { "Deal Code": "position_id", Gross: "position_value" } as const;

const columnsOf = async (ctx: PortfolioContext, data: string, mapping?: ColumnMapping) =>
  (await previewImport(ctx, { format: "csv", data }, { mode: "replace", mapping })).columns.map((c) => [
    c.header,
    c.column,
    c.source,
  ]);

const ids = async (ctx: PortfolioContext) =>
  (await listPositions(ctx, { limit: 100 })).items.map((p) => [p.positionId, p.positionValue]);

describe("remembered column mappings", () => {
  test("a stored import's mapping applies to the portfolio's next upload, and to no other portfolio", async () => {
    const ctx = await freshPortfolio();
    const other = await freshPortfolio();
    await importPositions(
      ctx,
      { format: "csv", data: EXPORT },
      { mode: "replace", onError: "reject", mapping: MAPPING },
    );
    expect(await ids(ctx)).toEqual([
      ["D1", 100],
      ["D2", 200],
    ]);

    // Next month's file, its headers spelled a little differently: no mapping sent.
    const next = "deal code,GROSS,Metro,Notes\nD1,150,19100,z\nD3,50,12420,w\n";
    expect(await columnsOf(ctx, next)).toEqual([
      ["deal code", "position_id", "remembered"],
      ["GROSS", "position_value", "remembered"],
      ["Metro", "msa_id", "synonym"],
      ["Notes", null, "remembered"],
    ]);
    await importPositions(ctx, { format: "csv", data: next }, { mode: "replace", onError: "reject" });
    expect(await ids(ctx)).toEqual([
      ["D1", 150],
      ["D3", 50],
    ]);

    const error = await previewImport(other, { format: "csv", data: next }, { mode: "replace" }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).extra?.columns).toEqual([
      { header: "deal code", column: null, source: null },
      { header: "GROSS", column: null, source: null },
      { header: "Metro", column: "msa_id", source: "synonym" },
      { header: "Notes", column: null, source: null },
    ]);
  });

  test("a preview, a refused import and an import without a mapping remember nothing", async () => {
    const ctx = await freshPortfolio();
    await previewImport(ctx, { format: "csv", data: EXPORT }, { mode: "replace", mapping: MAPPING });
    const bad = "Deal Code,Gross\nD1,lots\n";
    const refused = await importPositions(
      ctx,
      { format: "csv", data: bad },
      { mode: "replace", onError: "reject", mapping: MAPPING_WITHOUT_NOTES },
    ).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "invalid_data" });
    await importPositions(ctx, { format: "csv", data: "Market Value\n1\n" }, { mode: "replace", onError: "reject" });
    expect(await getRememberedMapping(ctx)).toEqual({});
  });

  test("the request's mapping overrides a remembered one; a column is remembered for the header confirmed last", async () => {
    const ctx = await freshPortfolio();
    await importPositions(
      ctx,
      { format: "csv", data: EXPORT },
      { mode: "replace", onError: "reject", mapping: MAPPING },
    );
    const renamed = "Deal Code,Gross,Net\nD1,100,90\n";
    expect(await columnsOf(ctx, renamed, { Net: "position_value" })).toEqual([
      ["Deal Code", "position_id", "remembered"],
      ["Gross", null, null],
      ["Net", "position_value", "mapping"],
    ]);
    await importPositions(
      ctx,
      { format: "csv", data: renamed },
      { mode: "replace", onError: "reject", mapping: { Net: "position_value" } },
    );
    expect(await ids(ctx)).toEqual([["D1", 90]]);
    // Gross no longer holds position_value; the other entries stay.
    expect(await getRememberedMapping(ctx)).toEqual({ dealcode: "position_id", net: "position_value", notes: null });
  });

  test("the import's audit entry records the mapping it was given", async () => {
    const ctx = await freshPortfolio();
    const result = await importPositions(
      ctx,
      { format: "csv", data: EXPORT },
      { mode: "replace", onError: "reject", mapping: MAPPING },
    );
    const { items } = await listAuditEvents({ limit: 50, action: "positions.imported" });
    const entry = items.find((e) => e.target === result.batchId);
    expect(entry?.details).toMatchObject({ mapping: MAPPING, imported: 2 });
  });
});

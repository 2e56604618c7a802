import { beforeAll, describe, expect, test } from "vitest";

import type { PositionDto, PositionPage } from "@/lib/services/positions-list";
import { type Api, expectError, fieldsOf, newPortfolio } from "@/tests/support/api-client";

const IMPORT_COLUMNS =
  "position_id,asset_id,msa_id,strategy,state,vintage,construction_type,rent_band,position_value,units";

// Awkward on purpose: a quoted comma, a quote, text that a spreadsheet would run as a formula,
// cents, missing attributes.
const BOOK = [
  IMPORT_COLUMNS,
  'P1,"Tower, North",31080,value_add,CA,1987,new construction,class a,1250000.5,120',
  'P2,"The ""Flats""",35620,core,NY,2012,garden,class b,750000,80',
  "P3,=SUM(A1),,core_plus,,,,,300000.25,",
  "P4,A4,16980,core,IL,1965,mid-rise,class c,42,0",
  "P5,-A5,12420,value_add,TX,2024,garden,class a,1000000,300",
].join("\n");

/** A position without what the store assigns (row id, batch, timestamps). */
const comparable = (p: PositionDto): Omit<PositionDto, "id" | "batchId" | "updatedAt"> => ({
  positionId: p.positionId,
  assetId: p.assetId,
  msaId: p.msaId,
  strategy: p.strategy,
  state: p.state,
  vintage: p.vintage,
  constructionType: p.constructionType,
  rentBand: p.rentBand,
  positionValue: p.positionValue,
  units: p.units,
  ownershipPct: p.ownershipPct,
});

let api: Api;
beforeAll(async () => {
  api = await newPortfolio("positions");
  const reply = await api.importCsv(BOOK);
  expect(reply.status, reply.text).toBe(201);
});

describe("GET /api/positions", () => {
  test("pages with nextCursor until the book is exhausted", async () => {
    const pages: PositionPage[] = [];
    let cursor: string | undefined;
    do {
      const reply = await api.get<PositionPage>("/api/positions", { limit: 2, cursor });
      expect(reply.status).toBe(200);
      pages.push(reply.body);
      cursor = reply.body.nextCursor;
    } while (cursor !== undefined && pages.length < 10);

    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(pages.map((p) => p.nextCursor === undefined)).toEqual([false, false, true]);
    const items = pages.flatMap((p) => p.items);
    expect(items.map((p) => p.positionId)).toEqual(["P1", "P2", "P3", "P4", "P5"]);
    expect(new Set(items.map((p) => p.id)).size).toBe(5);
    expect(pages[0]?.total).toBe(5);
    expect(items[0]).toMatchObject({
      id: expect.any(Number),
      positionId: "P1",
      assetId: "Tower, North",
      msaId: "31080",
      strategy: "value_add",
      state: "CA",
      vintage: 1987,
      constructionType: "new construction",
      rentBand: "class a",
      positionValue: 1250000.5,
      units: 120,
    });
    expect(items[2]).toMatchObject({
      positionId: "P3",
      msaId: null,
      state: null,
      vintage: null,
      units: null,
      positionValue: 300000.25,
    });
  });

  test("filters by a dimension value, normalised like the data", async () => {
    const reply = await api.get<PositionPage>("/api/positions", { strategy: " Value_Add " });
    expect(reply.status).toBe(200);
    expect(reply.body.items.map((p) => p.positionId)).toEqual(["P1", "P5"]);
    expect(reply.body.total).toBe(2);
  });

  test.each([{ limit: 0 }, { limit: "many" }, { cursor: "-1" }, { state: "ZZ" }])(
    "a bad query %o is a 400",
    async (query) => {
      expectError(await api.get("/api/positions", query), 400, "invalid_input");
    },
  );

  // The id column is int4: a larger cursor is a bad parameter, not a 500.
  test("a cursor beyond any possible id is a 400 naming it, not a 500", async () => {
    expect(
      fieldsOf(expectError(await api.get("/api/positions", { cursor: "99999999999999" }), 400, "invalid_input")),
    ).toEqual(["cursor"]);
  });
});

describe("GET /api/positions?q= finds positions by position_id or asset_id", () => {
  const found = async (query: Record<string, string | number>) => {
    const reply = await api.get<PositionPage>("/api/positions", query);
    expect(reply.status, reply.text).toBe(200);
    return { ids: reply.body.items.map((p) => p.positionId), total: reply.body.total };
  };

  test.each([
    { label: "a position_id, in any case", q: "p4", ids: ["P4"] },
    { label: "part of an asset_id", q: "FLATS", ids: ["P2"] },
    { label: "either column: every asset_id with an a", q: "a", ids: ["P2", "P3", "P4", "P5"] },
    { label: "punctuation is plain text", q: "=sum(", ids: ["P3"] },
    { label: "% is not a wildcard", q: "%", ids: [] },
    { label: "_ is not a wildcard", q: "_", ids: [] },
    { label: "a backslash is not an escape", q: "\\", ids: [] },
    { label: "blank is no search", q: "  ", ids: ["P1", "P2", "P3", "P4", "P5"] },
  ])("$label (q=$q)", async ({ q, ids }) => {
    expect(await found({ q })).toEqual({ ids, total: ids.length });
  });

  test("combines with the filters, the sort and the pages; the total counts the matches", async () => {
    expect(await found({ q: "a", strategy: "core" })).toEqual({ ids: ["P2", "P4"], total: 2 });
    const page = await api.get<PositionPage>("/api/positions", { q: "a", sort: "value", dir: "desc", limit: 2 });
    expect(page.body.items.map((p) => p.positionId)).toEqual(["P5", "P2"]);
    expect(page.body.total).toBe(4);
    expect(
      (await found({ q: "a", sort: "value", dir: "desc", limit: 2, cursor: page.body.nextCursor ?? "" })).ids,
    ).toEqual(["P3", "P4"]);
  });

  test.each([
    { label: "longer than 200 characters", q: "x".repeat(201) },
    { label: "a NUL character", q: "P\u0000" },
  ])("a search $label is a 400 naming q", async ({ q }) => {
    expect(fieldsOf(expectError(await api.get("/api/positions", { q }), 400, "invalid_input"))).toEqual(["q"]);
  });
});

describe("GET /api/positions sorted and paged by offset", () => {
  const ids = async (query: Record<string, string | number>) => {
    const reply = await api.get<PositionPage>("/api/positions", query);
    expect(reply.status, reply.text).toBe(200);
    return reply.body.items.map((p) => p.positionId);
  };

  test.each([
    [{ sort: "value", dir: "desc" }, ["P1", "P5", "P2", "P3", "P4"]],
    [{ sort: "value" }, ["P4", "P3", "P2", "P5", "P1"]],
    [{ sort: "state", dir: "asc" }, ["P1", "P4", "P2", "P5", "P3"]],
    [{ sort: "vintage", dir: "desc" }, ["P5", "P2", "P1", "P4", "P3"]],
  ])("%o", async (query, expected) => {
    expect(await ids(query)).toEqual(expected);
  });

  test("offset pages through a sorted list; the total ignores the page", async () => {
    const reply = await api.get<PositionPage>("/api/positions", { sort: "value", dir: "desc", limit: 2, offset: 2 });
    expect(reply.body.items.map((p) => p.positionId)).toEqual(["P2", "P3"]);
    expect(reply.body.total).toBe(5);
    expect(await ids({ sort: "value", dir: "desc", limit: 2, cursor: reply.body.nextCursor ?? "" })).toEqual(["P4"]);
  });

  test.each([
    [{ sort: "price" }, "sort"],
    [{ dir: "up" }, "dir"],
    [{ offset: -1 }, "offset"],
  ])("a bad %o is a 400 naming %s", async (query, field) => {
    expect(fieldsOf(expectError(await api.get("/api/positions", query), 400, "invalid_input"))).toEqual([field]);
  });
});

describe("GET /api/positions/export", () => {
  test("CSV with exactly the import columns, as an attachment", async () => {
    const reply = await api.get<never>("/api/positions/export");
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(reply.headers.get("content-disposition")).toMatch(/^attachment; filename="[^"]+\.csv"$/);
    const lines = reply.text.split("\n");
    expect(lines[0]).toBe(`${IMPORT_COLUMNS},ownership_pct`);
    expect(lines).toHaveLength(7); // header, five rows, and the empty string after the last LF
    expect(lines[6]).toBe("");
    expect(reply.text).not.toContain("\r");
  });

  test("re-importing the export gives the same positions", async () => {
    const exported = await api.get<never>("/api/positions/export");
    const copy = await newPortfolio("positions copy");
    const reply = await copy.importCsv(exported.text);
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({ received: 5, imported: 5, rejected: [] });

    const original = (await api.positions()).map(comparable);
    expect(original.map((p) => p.assetId)).toContain("=SUM(A1)");
    expect((await copy.positions()).map(comparable)).toEqual(original);
  });
});

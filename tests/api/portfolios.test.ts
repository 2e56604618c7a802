import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import type { FirmView } from "@/lib/services/firm";
import type { PortfolioDto } from "@/lib/services/portfolios";
import { type Api, expectError, fieldsOf, newPortfolio } from "@/tests/support/api-client";

// Several funds (issue 12): rename and archive a portfolio (admin), and the firm roll-up (viewer).

const path = (api: Api, tail = "") => `/api/portfolios/${api.portfolio}${tail}`;

describe("PATCH /api/portfolios/{slug}: rename", () => {
  let api: Api;
  beforeAll(async () => {
    api = await newPortfolio("Fund before");
  });

  test("an admin renames; the slug stays; anyone signed in reads it back", async () => {
    const reply = await api.as("admin").patch<PortfolioDto>(path(api), { name: "  Fund after " });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toEqual({ id: expect.any(String), slug: api.portfolio, name: "Fund after", archivedAt: null });
    expect((await api.as("viewer").get<PortfolioDto>(path(api))).body).toEqual(reply.body);
  });

  test.each([
    { body: { name: " " }, field: "name", message: "Invalid request body: name: is required" },
    {
      body: { name: "Fund", slug: "new-slug" },
      field: "slug",
      message:
        "Invalid request body: slug: cannot be changed: URLs, cookies and API clients use it; rename changes the name",
    },
  ])("a bad body $body is a 400 naming $field", async ({ body, field, message }) => {
    const error = expectError(await api.as("admin").patch(path(api), body), 400, "invalid_input");
    expect(fieldsOf(error)).toEqual([field]);
    expect(error.message).toBe(message);
  });

  test("a manager may not rename; an unknown portfolio is a 404", async () => {
    expectError(await api.patch(path(api), { name: "Mine" }), 403, "forbidden");
    expectError(await api.as("admin").patch("/api/portfolios/no-such-fund", { name: "x" }), 404, "not_found");
  });
});

describe("POST /api/portfolios/{slug}/archive and /unarchive", () => {
  let api: Api;
  beforeAll(async () => {
    api = await newPortfolio("Archived fund");
    await api.importCsv("position_id,strategy,position_value\nA1,core,100\n");
    await api.run({ asOfDate: "2025-06-30" });
  });

  const slugs = async (query?: Record<string, string>) =>
    (await api.get<{ items: PortfolioDto[] }>("/api/portfolios", query)).body.items.map((p) => p.slug);

  test("archived: out of the list (unless include=archived), still read and answered by its slug", async () => {
    const reply = await api.as("admin").post<PortfolioDto>(path(api, "/archive"));
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.archivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await slugs()).not.toContain(api.portfolio);
    const all = await api.get<{ items: PortfolioDto[] }>("/api/portfolios", { include: "archived" });
    expect(all.body.items.find((p) => p.slug === api.portfolio)).toEqual(reply.body);
    expect((await api.as("viewer").get<{ totalPortfolioValue: number }>("/api/exposures/latest")).body).toMatchObject({
      totalPortfolioValue: 100,
    });
    expect((await api.as("viewer").get<FirmView>("/api/firm")).body.funds.map((f) => f.slug)).not.toContain(
      api.portfolio,
    );

    const again = expectError(await api.as("admin").post(path(api, "/archive")), 409, "conflict");
    expect(again.message).toBe(`Portfolio "${api.portfolio}" is already archived.`);
  });

  test("unarchived: back in the list; a second unarchive is a 409", async () => {
    const reply = await api.as("admin").post<PortfolioDto>(path(api, "/unarchive"));
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.archivedAt).toBeNull();
    expect(await slugs()).toContain(api.portfolio);
    const again = expectError(await api.as("admin").post(path(api, "/unarchive")), 409, "conflict");
    expect(again.message).toBe(`Portfolio "${api.portfolio}" is not archived.`);
  });

  test("the default portfolio cannot be archived; a manager may not archive; include takes only archived", async () => {
    const error = expectError(await api.as("admin").post("/api/portfolios/default/archive"), 409, "conflict");
    expect(error.message).toBe(
      "The default portfolio cannot be archived: every request without ?portfolio= works on it.",
    );
    expectError(await api.post(path(api, "/archive")), 403, "forbidden");
    const bad = expectError(await api.get("/api/portfolios", { include: "everything" }), 400, "invalid_input");
    expect(fieldsOf(bad)).toEqual(["include"]);
  });
});

describe("GET /api/firm and GET /api/exports/firm", () => {
  // A strategy no other test file uses: the firm adds every active portfolio on the shared server.
  const probe = `firm_${randomBytes(3).toString("hex")}`;
  let north: Api;
  let south: Api;
  let idle: Api;
  beforeAll(async () => {
    [north, south, idle] = await Promise.all([newPortfolio("North"), newPortfolio("South"), newPortfolio("Idle")]);
    const csv = (rows: string[]) => `position_id,strategy,state,position_value\n${rows.join("\n")}\n`;
    await north.importCsv(csv([`N1,${probe},CA,1000000.10`, "N2,core,TX,500000"]));
    await north.run({ asOfDate: "2025-06-30" });
    await south.importCsv(csv([`S1,${probe},TX,2000000.20`]));
    await south.run({ asOfDate: "2025-05-31" });
  });

  test("a viewer reads every active fund's latest run added up, each with its as-of date", async () => {
    const reply = await north.as("viewer").get<FirmView>("/api/firm");
    expect(reply.status, reply.text).toBe(200);
    const firm = reply.body;
    const fund = (api: Api) => firm.funds.find((f) => f.slug === api.portfolio);
    expect(fund(north)).toMatchObject({ name: "North", asOfDate: "2025-06-30", totalPortfolioValue: 1_500_000.1 });
    expect(fund(south)).toMatchObject({ name: "South", asOfDate: "2025-05-31", totalPortfolioValue: 2_000_000.2 });
    expect(fund(idle)).toMatchObject({ runId: null, asOfDate: null, totalPortfolioValue: null, sharePct: null });
    const counted = firm.funds.reduce((sum, f) => sum + Math.round((f.totalPortfolioValue ?? 0) * 100), 0);
    expect(Math.round(firm.totalValue * 100)).toBe(counted);

    const row = firm.exposures.find((e) => e.dimensionType === "strategy" && e.dimensionValue === probe);
    expect(row).toMatchObject({ exposureValue: 3_000_000.3, positionCount: 2 });
    expect(row?.exposurePct).toBeCloseTo((3_000_000.3 / firm.totalValue) * 100, 9);
    expect(row?.funds).toEqual([
      { slug: south.portfolio, name: "South", exposureValue: 2_000_000.2 },
      { slug: north.portfolio, name: "North", exposureValue: 1_000_000.1 },
    ]);
  });

  test("the CSV: the exposures columns, then one column per fund with a run", async () => {
    const reply = await north.as("viewer").get<never>("/api/exports/firm", { format: "csv" });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(reply.headers.get("content-disposition")).toMatch(
      /^attachment; filename="firm-exposures-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const [head = "", ...lines] = reply.text.trimEnd().split("\n");
    const header = head.split(",");
    expect(header.slice(0, 5)).toEqual([
      "dimension_type",
      "dimension_value",
      "exposure_pct",
      "exposure_value",
      "total_portfolio_value",
    ]);
    expect(header).toEqual(expect.arrayContaining([north.portfolio, south.portfolio]));
    expect(header).not.toContain(idle.portfolio);
    const row = lines.find((l) => l.startsWith(`strategy,${probe},`))?.split(",") ?? [];
    expect(row[3]).toBe("3000000.3");
    expect(row[header.indexOf(north.portfolio ?? "")]).toBe("1000000.1");
    expect(row[header.indexOf(south.portfolio ?? "")]).toBe("2000000.2");
    const core = lines.find((l) => l.startsWith("strategy,core,"))?.split(",") ?? [];
    expect(core[header.indexOf(south.portfolio ?? "")]).toBe("0");
  });

  test("only CSV: another format is a 400 naming format; without a session a 401", async () => {
    const error = expectError(await north.get("/api/exports/firm", { format: "xlsx" }), 400, "invalid_input");
    expect(fieldsOf(error)).toEqual(["format"]);
    expectError(await north.as("anonymous").get("/api/firm"), 401, "unauthorized");
  });
});

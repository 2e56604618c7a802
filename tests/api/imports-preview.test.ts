import { describe, expect, test } from "vitest";
import type { ImportPreview } from "@/lib/services/positions-import";
import { expectError, newPortfolio } from "@/tests/support/api-client";
import { BAD_ROWS, MIXED_CSV, multipart } from "@/tests/support/api-imports";

describe("POST /api/positions/preview", () => {
  test("answers what the import would do, with every bad row, and stores nothing", async () => {
    const api = await newPortfolio("preview");
    const reply = await api.send<ImportPreview>("POST", "/api/positions/preview", {
      body: multipart(`${MIXED_CSV}\n`, "book.csv", "text/csv"),
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ received: 7, valid: 2, rejectedRows: 5, ignoredColumns: [], stored: 0 });
    expect(reply.body.rejected.map(({ row, field }) => ({ row, field }))).toEqual(BAD_ROWS);
    expect(reply.body.sample.map((p) => [p.row, p.positionId, p.positionValue])).toEqual([
      [2, "G1", 100000],
      [5, "G2", 300000],
    ]);
    expect(await api.positions()).toEqual([]);
    expect((await api.get<{ items: unknown[] }>("/api/positions/batches")).body.items).toEqual([]);
  });

  test("takes the same bodies and mode as the import: text/csv, upsert needs position_id", async () => {
    const api = await newPortfolio("preview modes");
    const csv = "position_id,position_value\nA,100\n,200\n";
    const upsert = await api.send<ImportPreview>("POST", "/api/positions/preview", {
      body: csv,
      contentType: "text/csv",
      query: { mode: "upsert" },
    });
    expect(upsert.body).toMatchObject({
      received: 2,
      valid: 1,
      rejectedRows: 1,
      rejected: [{ row: 3, field: "position_id" }],
    });
    const replace = await api.send<ImportPreview>("POST", "/api/positions/preview", {
      body: csv,
      contentType: "text/csv",
    });
    expect(replace.body).toMatchObject({ received: 2, valid: 2, rejectedRows: 0 });
  });

  test("a file it cannot read is the same 422 as the import's", async () => {
    const api = await newPortfolio("preview unreadable");
    const reply = await api.send<unknown>("POST", "/api/positions/preview", {
      body: "position_id,amount\nP1,100\n",
      contentType: "text/csv",
    });
    expect(expectError(reply, 422, "invalid_data").message).toContain("position_value");
  });
});

import { describe, expect, test } from "vitest";

import { AppError } from "@/lib/errors";
import { parsePositions } from "@/lib/import";

function parse(data: unknown) {
  const text = typeof data === "string" ? data : JSON.stringify(data);
  return parsePositions({ format: "json", data: text }, { currentYear: 2026 });
}

describe("parsePositions (JSON)", () => {
  test.each([
    {
      label: "snake_case keys",
      data: [{ position_id: "P1", msa_id: "12420", construction_type: "Garden", position_value: 100, units: 5 }],
    },
    {
      label: "camelCase keys",
      data: [{ positionId: "P1", msaId: "12420", constructionType: "Garden", positionValue: 100, units: 5 }],
    },
    {
      label: "a { positions } wrapper",
      data: {
        positions: [
          { position_id: "P1", msa_id: 12420, construction_type: "garden", position_value: "100", units: "5" },
        ],
      },
    },
  ])("$label", async ({ data }) => {
    const result = await parse(data);
    expect(result).toMatchObject({ format: "json", received: 1, rejected: [], ignoredColumns: [] });
    const position = { positionId: "P1", msaId: "12420", constructionType: "garden", positionValue: 100, units: 5 };
    expect(result.rows).toEqual([{ row: 1, position: expect.objectContaining(position) }]);
  });

  test("an MSA by name is stored as its code; an ambiguous one is the row's error", async () => {
    const result = await parse([
      { msaId: "Austin-Round Rock, TX", position_value: 100 },
      { msaId: "Round Rock, TX", position_value: 100 },
      { msaId: "Portland", position_value: 100 },
    ]);
    expect(result.rows.map((r) => r.position.msaId)).toEqual(["12420", "12420"]);
    expect(result.rejected).toEqual([
      {
        row: 3,
        field: "msa_id",
        message:
          'msa_id "Portland" is ambiguous: "Portland-South Portland, ME" (38860), "Portland-Vancouver-Hillsboro, OR-WA" (38900); give the CBSA code, the title or the city with its state',
      },
    ]);
  });

  test("rows are numbered by their 1-based index and every error is kept", async () => {
    const result = await parse([
      { position_id: "P1", position_value: 100 },
      { position_id: "P2", position_value: -1, state: "ZZ" },
      "not an object",
      { position_id: "P4" },
      { position_id: "P1", position_value: 5 },
      null,
    ]);
    expect(result.received).toBe(6);
    expect(result.rows.map((r) => r.row)).toEqual([1]);
    expect(result.rejected).toEqual([
      { row: 2, field: "state", message: 'state "ZZ" is not a US state, DC or PR code' },
      { row: 2, field: "position_value", message: "position_value must be a number greater than 0 (got -1)" },
      { row: 3, field: "row", message: "must be an object" },
      { row: 4, field: "position_value", message: "position_value is required" },
      { row: 5, field: "position_id", message: 'duplicate position_id "P1" (first at row 1)' },
      { row: 6, field: "row", message: "must be an object" },
    ]);
  });

  test("unknown keys are ignored and listed once", async () => {
    const result = await parse([
      { position_value: 1, note: "a" },
      { position_value: 2, note: "b", Sponsor: "x" },
    ]);
    expect(result.ignoredColumns).toEqual(["note", "Sponsor"]);
  });

  test("nested values are bad values, not crashes", async () => {
    const result = await parse([{ position_value: 1, strategy: { name: "core" } }]);
    expect(result.rejected).toEqual([
      { row: 1, field: "strategy", message: 'strategy must be text (got {"name":"core"})' },
    ]);
  });

  test("an empty array is not an error", async () => {
    expect(await parse([])).toMatchObject({ received: 0, rows: [], rejected: [] });
  });

  test.each([
    { label: "unparseable", data: "[{", text: "invalid JSON" },
    { label: "empty", data: "  ", text: "empty" },
    { label: "a bare object", data: { position_value: 1 }, text: '"positions"' },
    { label: "positions not an array", data: { positions: {} }, text: '"positions"' },
    { label: "a number", data: 42, text: "array" },
    {
      label: "no element has position_value",
      data: [{ amount: 1 }, { amount: 2 }],
      text: 'missing required column "position_value"',
    },
    {
      label: "two keys for one column",
      data: [{ position_value: 1, positionValue: 2 }],
      text: 'duplicate column "position_value"',
    },
  ])("file error: $label", async ({ data, text }) => {
    const error: unknown = await parse(data).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "invalid_data", message: expect.stringContaining(text) });
  });
});

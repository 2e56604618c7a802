import { describe, expect, test } from "vitest";

import { POSITION_COLUMNS } from "@/lib/engine/normalize";
import { AppError } from "@/lib/errors";
import { parsePositions } from "@/lib/import";
import { columnFor, type MappingSources, normalizeHeader, resolveColumns } from "@/lib/import/columns";
import { COLUMN_SYNONYMS } from "@/lib/import/synonyms";
import { importOptionsSchema } from "@/lib/schemas";
import { fixture } from "../support/import-fixtures";

const YEAR = 2026;

const pairs = (headers: string[], sources: MappingSources = {}) =>
  resolveColumns(headers, sources).map(({ header, column, source }) => [header, column, source]);

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.catch((e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("synonyms", () => {
  test.each([
    ["Market Value", "position_value"],
    ["Value", "position_value"],
    ["Fair Value", "position_value"],
    ["Metro", "msa_id"],
    ["MSA", "msa_id"],
    ["CBSA", "msa_id"],
    ["Year Built", "vintage"],
    ["Built", "vintage"],
    ["Units", "units"],
    ["Unit Count", "units"],
    ["Ownership %", "ownership_pct"],
    ["Ownership", "ownership_pct"],
    ["Construction", "construction_type"],
    ["Rent Tier", "rent_band"],
    ["Investment Strategy", "strategy"],
    ["Property Name", "asset_id"],
    ["ST", "state"],
    ["  market_value ", "position_value"],
    ["MARKET-VALUE", "position_value"],
  ])("%j is %s", (header, column) => {
    expect(resolveColumns([header])[0]?.column).toBe(column);
  });

  test.each([["Market"], ["Class"], ["Deal Code"], ["Amount"], ["Notes"]])("%j is not recognised", (header) => {
    expect(pairs([header])).toEqual([[header, null, null]]);
  });

  test("no synonym spells one of our own columns, and none stands for two columns", () => {
    const columnOf = new Map<string, string>();
    for (const column of POSITION_COLUMNS) {
      for (const name of COLUMN_SYNONYMS[column]) {
        const key = normalizeHeader(name);
        expect(columnFor(name), name).toBeUndefined();
        expect(columnOf.get(key) ?? column, name).toBe(column);
        columnOf.set(key, column);
      }
    }
  });
});

describe("resolveColumns: mapping > remembered > our name > synonym", () => {
  test.each<{
    label: string;
    headers: string[];
    sources?: MappingSources;
    want: unknown[];
  }>([
    {
      label: "our own names, any case and spacing",
      headers: ["Position Value", "positionId", "MSA_ID"],
      want: [
        ["Position Value", "position_value", "name"],
        ["positionId", "position_id", "name"],
        ["MSA_ID", "msa_id", "name"],
      ],
    },
    {
      label: "our name wins over a synonym for the same column",
      headers: ["Market Value", "position_value"],
      want: [
        ["Market Value", null, null],
        ["position_value", "position_value", "name"],
      ],
    },
    {
      label: "of two synonyms for one column the first in the file wins",
      headers: ["Metro", "MSA"],
      want: [
        ["Metro", "msa_id", "synonym"],
        ["MSA", null, null],
      ],
    },
    {
      label: "a mapping overrides our name, which is then ignored",
      headers: ["position_value", "Gross"],
      sources: { mapping: { Gross: "position_value" } },
      want: [
        ["position_value", null, null],
        ["Gross", "position_value", "mapping"],
      ],
    },
    {
      label: "a mapping to null ignores a column we would have taken",
      headers: ["Market Value", "Units"],
      sources: { mapping: { Units: null } },
      want: [
        ["Market Value", "position_value", "synonym"],
        ["Units", null, "mapping"],
      ],
    },
    {
      label: "a mapping meets headers as names do: case, spaces and punctuation aside",
      headers: ["Deal Code"],
      sources: { mapping: { "deal_code ": "position_id" } },
      want: [["Deal Code", "position_id", "mapping"]],
    },
    {
      label: "remembered entries apply over names and synonyms",
      headers: ["Deal Code", "Value", "Units"],
      sources: { remembered: { dealcode: "position_id", value: null, units: "ownership_pct" } },
      want: [
        ["Deal Code", "position_id", "remembered"],
        ["Value", null, "remembered"],
        ["Units", "ownership_pct", "remembered"],
      ],
    },
    {
      label: "the mapping wins over a remembered entry, whose header then falls back to its name",
      headers: ["Deal Code", "position_id"],
      sources: { mapping: { "Deal Code": "position_id" }, remembered: { positionid: "position_id" } },
      want: [
        ["Deal Code", "position_id", "mapping"],
        ["position_id", null, null],
      ],
    },
    {
      label: "a header written in another script is matched as written",
      headers: ["Стоимость"],
      sources: { mapping: { стоимость: "position_value" } },
      want: [["Стоимость", "position_value", "mapping"]],
    },
  ])("$label", ({ headers, sources, want }) => {
    expect(pairs(headers, sources)).toEqual(want);
  });

  test.each<{ label: string; headers: string[]; sources: MappingSources; message: string }>([
    {
      label: "two of our names for one column",
      headers: ["position_value", "Position Value"],
      sources: {},
      message: 'duplicate column "position_value": headers "position_value" and "Position Value" both map to it',
    },
    {
      label: "a mapping entry that meets two headers",
      headers: ["Gross Value", "gross_value"],
      sources: { mapping: { "Gross Value": "position_value" } },
      message: 'duplicate column "position_value": headers "Gross Value" and "gross_value" both map to it',
    },
  ])("error: $label", ({ headers, sources, message }) => {
    expect(() => resolveColumns(headers, sources)).toThrow(message);
  });
});

const UNUSUAL_BOOK = {
  assets: ["Riverside Flats", "Lakeshore Tower", "Cedar Commons", "Harbor Point", "Mesa Verde"],
  msas: ["19100", "16980", "12420", "33100", "38060"],
  vintages: [1987, 2016, 2025, 1999, 1972],
  units: [240, 312, 180, 96, 150],
  values: [12_500_000, 48_250_000.5, 9_800_000, 21_000_000, 7_350_000],
};

describe("a LibreOffice file with other systems' headers (tests/fixtures/*unusual-headers*)", () => {
  test.each([
    { format: "csv" as const, file: "libreoffice-unusual-headers.csv" },
    { format: "xlsx" as const, file: "unusual-headers.xlsx" },
  ])("$file imports by synonyms without a mapping; Deal Code and Comments are ignored", async ({ format, file }) => {
    const result = await parsePositions({ format, data: fixture(file) }, { currentYear: YEAR });
    expect(result.rejected).toEqual([]);
    expect(result.ignoredColumns).toEqual(["Deal Code", "Comments"]);
    expect(result.columns.filter((c) => c.source === "synonym").map((c) => [c.header, c.column])).toEqual([
      ["Property Name", "asset_id"],
      ["Metro", "msa_id"],
      ["Year Built", "vintage"],
      ["Unit Count", "units"],
      ["Market Value", "position_value"],
    ]);
    const positions = result.rows.map((r) => r.position);
    expect(positions.map((p) => p.assetId)).toEqual(UNUSUAL_BOOK.assets);
    expect(positions.map((p) => p.msaId)).toEqual(UNUSUAL_BOOK.msas);
    expect(positions.map((p) => p.vintage)).toEqual(UNUSUAL_BOOK.vintages);
    expect(positions.map((p) => p.units)).toEqual(UNUSUAL_BOOK.units);
    expect(positions.map((p) => p.positionValue)).toEqual(UNUSUAL_BOOK.values);
    expect(positions.map((p) => p.positionId)).toEqual([null, null, null, null, null]);
  });

  test.each([
    { format: "csv" as const, file: "libreoffice-unusual-headers.csv" },
    { format: "xlsx" as const, file: "unusual-headers.xlsx" },
  ])("$file with a mapping: Deal Code is position_id, Unit Count ignored", async ({ format, file }) => {
    const mapping = { "Deal Code": "position_id", "Unit Count": null } as const;
    const result = await parsePositions({ format, data: fixture(file) }, { currentYear: YEAR, mapping });
    expect(result.rows.map((r) => [r.position.positionId, r.position.units])).toEqual([
      ["D-101", null],
      ["D-102", null],
      ["D-103", null],
      ["D-104", null],
      ["D-105", null],
    ]);
    expect(result.ignoredColumns).toEqual(["Unit Count", "Comments"]);
    expect(result.columns[0]).toEqual({ header: "Deal Code", column: "position_id", source: "mapping" });
  });
});

describe("parsePositions with a mapping", () => {
  test("JSON: keys are mapped as headers are", async () => {
    const data = JSON.stringify([
      { ref: "J1", gross: 100, Metro: "19100" },
      { ref: "J2", gross: 200 },
    ]);
    const result = await parsePositions(
      { format: "json", data },
      { mapping: { ref: "position_id", gross: "position_value" } },
    );
    expect(result.rows.map((r) => [r.position.positionId, r.position.positionValue, r.position.msaId])).toEqual([
      ["J1", 100, "19100"],
      ["J2", 200, null],
    ]);
    expect(result.columns).toEqual([
      { header: "ref", column: "position_id", source: "mapping" },
      { header: "gross", column: "position_value", source: "mapping" },
      { header: "Metro", column: "msa_id", source: "synonym" },
    ]);
  });

  test.each([
    { format: "csv" as const, data: "Gross,Notes\n1,x\n" },
    { format: "json" as const, data: '[{"Gross":1,"Notes":"x"}]' },
  ])(
    "$format: a mapping header the file does not have is a 422 naming it and the file's columns",
    async ({ format, data }) => {
      const error = await failure(
        parsePositions({ format, data }, { mapping: { Gross: "position_value", "Deal Code": "position_id" } }),
      );
      expect(error.code).toBe("invalid_data");
      expect(error.message).toBe(
        'mapping: header "Deal Code" is not a column of the file; the file\'s columns: "Gross", "Notes"',
      );
      expect(error.details).toEqual([
        { field: "mapping.Deal Code", message: 'header "Deal Code" is not a column of the file' },
      ]);
    },
  );

  test.each([
    { format: "csv" as const, data: "Gross,Notes\n1,x\n" },
    { format: "json" as const, data: '[{"Gross":1,"Notes":"x"}]' },
  ])(
    "$format: no column for position_value is a 422 that carries every column of the file",
    async ({ format, data }) => {
      const error = await failure(parsePositions({ format, data }, { mapping: { Notes: null } }));
      expect(error.message).toBe('missing required column "position_value"; found columns: "Gross", "Notes"');
      expect(error.extra?.columns).toEqual([
        { header: "Gross", column: null, source: null },
        { header: "Notes", column: null, source: "mapping" },
      ]);
    },
  );

  test("XLSX: the 422 for a missing column carries the sheet's columns", async () => {
    const data = fixture("unusual-headers.xlsx");
    const error = await failure(parsePositions({ format: "xlsx", data }, { mapping: { "Market Value": null } }));
    expect(error.message).toContain('missing required column "position_value"');
    expect(error.extra?.columns?.slice(6)).toEqual([
      { header: "Unit Count", column: "units", source: "synonym" },
      { header: "Market Value", column: null, source: "mapping" },
      { header: "Rent Band", column: "rent_band", source: "name" },
      { header: "Comments", column: null, source: null },
    ]);
  });
});

describe("the mapping option (importOptionsSchema)", () => {
  const parse = (mapping: string) => importOptionsSchema.safeParse({ mapping });
  const issue = (mapping: string) => {
    const result = parse(mapping);
    return result.success ? null : result.error.issues.map((i) => [i.path.join("."), i.message]);
  };

  test("a JSON object of header → column; null or an empty string ignores; blank means none", () => {
    expect(parse('{"Market Value":"position_value","Notes":null,"Memo":""}').data?.mapping).toEqual({
      "Market Value": "position_value",
      Notes: null,
      Memo: null,
    });
    expect(parse("  ").data?.mapping).toBeUndefined();
  });

  test.each([
    {
      label: "not JSON",
      mapping: "Market Value=position_value",
      want: [["mapping", 'must be a JSON object of file header → column, e.g. {"Market Value":"position_value"}']],
    },
    {
      label: "an array",
      mapping: '["position_value"]',
      want: [["mapping", 'must be a JSON object of file header → column, e.g. {"Market Value":"position_value"}']],
    },
    {
      label: "an unknown column",
      mapping: '{"Market Value":"value"}',
      want: [
        [
          "mapping",
          `header "Market Value": "value" is not a column; use ${POSITION_COLUMNS.join(", ")}, or null or "" to ignore the column`,
        ],
      ],
    },
    {
      label: "two headers to one column",
      mapping: '{"Value":"position_value","Market Value":"position_value"}',
      want: [["mapping", 'headers "Value" and "Market Value" both map to position_value']],
    },
    { label: "a blank header", mapping: '{" ":"units"}', want: [["mapping", "a header must not be blank"]] },
  ])("400: $label", ({ mapping, want }) => {
    expect(issue(mapping)).toEqual(want);
  });
});

import { describe, expect, test } from "vitest";
import {
  acceptedFile,
  type ColumnChoice,
  chooseColumn,
  columnsNeedReview,
  estimateCsvRows,
  formatBytes,
  groupRejected,
  importBlockReason,
  mappingParams,
  processingLabel,
  readChoiceParams,
  rejectedToCsv,
  uploadPct,
} from "@/components/positions/upload-model";

describe("estimateCsvRows", () => {
  test.each([
    ["header only", "a,b\n", 0],
    ["empty file", "", 0],
    ["two rows, trailing newline", "a,b\n1,2\n3,4\n", 2],
    ["two rows, no trailing newline", "a,b\n1,2\n3,4", 2],
    ["CRLF line ends", "a,b\r\n1,2\r\n3,4\r\n", 2],
    ["blank and separator-only lines are not rows", "a,b\n1,2\n\n , \n3,4\n\n", 2],
    ["a byte-order mark", "\uFEFFa,b\n1,2\n", 1],
  ])("%s", (_label, text, rows) => {
    expect(estimateCsvRows(text)).toBe(rows);
  });

  test("counts 100,000 rows quickly", () => {
    const text = `position_id,position_value\n${"P,1\n".repeat(100_000)}`;
    expect(estimateCsvRows(text)).toBe(100_000);
  });
});

describe("groupRejected", () => {
  test("one entry per row, errors in order, rows sorted", () => {
    expect(
      groupRejected([
        { row: 5, field: "state", message: "bad state" },
        { row: 3, field: "vintage", message: "bad vintage" },
        { row: 5, field: "units", message: "bad units" },
      ]),
    ).toEqual([
      { row: 3, errors: [{ field: "vintage", message: "bad vintage" }] },
      {
        row: 5,
        errors: [
          { field: "state", message: "bad state" },
          { field: "units", message: "bad units" },
        ],
      },
    ]);
  });

  test("no errors, no rows", () => {
    expect(groupRejected([])).toEqual([]);
  });
});

describe("labels", () => {
  test.each([
    ["preview", 100_000, "Validating 100,000 rows…"],
    ["preview", 1, "Validating 1 row…"],
    ["preview", null, "Validating rows…"],
    ["import", 99_998, "Storing 99,998 rows…"],
    ["recompute", 5, "Recomputing exposures…"],
  ] as const)("%s of %s rows: %s", (step, rows, label) => {
    expect(processingLabel(step, rows)).toBe(label);
  });

  test.each([
    [0, 0, 0],
    [50, 0, 0],
    [1, 3, 33],
    [3, 3, 100],
    [5, 3, 100],
  ])("uploadPct(%i, %i) = %i", (loaded, total, pct) => {
    expect(uploadPct(loaded, total)).toBe(pct);
  });

  test.each([
    [512, "512 B"],
    [2048, "2.0 KB"],
    [7_381_676, "7.0 MB"],
  ])("formatBytes(%i) = %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe("importBlockReason", () => {
  test.each([
    ["all rows valid", { valid: 5, rejectedRows: 0 }, false, null],
    [
      "bad rows, valid-only not chosen",
      { valid: 5, rejectedRows: 2 },
      false,
      'rows are rejected. Fix the file and upload it again, or choose "Import valid rows only" to skip them.',
    ],
    ["one bad row", { valid: 5, rejectedRows: 1 }, false, "1 row is rejected"],
    ["bad rows, valid-only chosen", { valid: 5, rejectedRows: 2 }, true, null],
    ["nothing valid, even with valid-only", { valid: 0, rejectedRows: 3 }, true, "no valid rows"],
  ] as const)("%s", (_label, preview, validOnly, expected) => {
    const reason = importBlockReason(preview, validOnly);
    if (expected === null) expect(reason).toBeNull();
    else expect(reason).toContain(expected);
  });
});

test("rejectedToCsv quotes messages with commas and quotes", () => {
  expect(rejectedToCsv([{ row: 3, field: "state", message: 'state "ZZ" is not a US state, DC or PR code' }])).toBe(
    'row,field,message\n3,state,"state ""ZZ"" is not a US state, DC or PR code"\n',
  );
});

test.each([
  ["book.csv", true],
  ["BOOK.XLSX", true],
  ["book.json", true],
  ["book.txt", true],
  ["book.tsv", true],
  ["book.xls", false],
  ["book.pdf", false],
  ["csv", false],
])("acceptedFile(%s) = %s", (name, ok) => {
  expect(acceptedFile(name)).toBe(ok);
});

test.each([
  { label: "nothing chosen", choice: {}, params: {} },
  {
    label: "a tab and a decimal comma",
    choice: { delimiter: "tab", decimal: "," },
    params: { delimiter: "tab", decimal: "," },
  },
  { label: "a sheet", choice: { sheet: "Fund III" }, params: { sheet: "Fund III" } },
])("readChoiceParams: $label", ({ choice, params }) => {
  expect(readChoiceParams(choice)).toEqual(params);
});

describe("column choices", () => {
  test.each<{ label: string; choice: ColumnChoice; header: string; column: ColumnChoice[string]; want: ColumnChoice }>([
    {
      label: "a first choice",
      choice: {},
      header: "Gross",
      column: "position_value",
      want: { Gross: "position_value" },
    },
    {
      label: "a column moves from the header that had it, which goes back to the server's reading",
      choice: { Gross: "position_value", Ref: "position_id" },
      header: "Net",
      column: "position_value",
      want: { Ref: "position_id", Net: "position_value" },
    },
    {
      label: "ignoring a column leaves the others",
      choice: { Gross: "position_value", Notes: null },
      header: "Memo",
      column: null,
      want: { Gross: "position_value", Notes: null, Memo: null },
    },
  ])("chooseColumn: $label", ({ choice, header, column, want }) => {
    expect(chooseColumn(choice, header, column)).toEqual(want);
  });

  test("mappingParams: none until something is chosen, then the JSON the API takes", () => {
    expect(mappingParams({})).toEqual({});
    expect(mappingParams({ Gross: "position_value", Notes: null })).toEqual({
      mapping: '{"Gross":"position_value","Notes":null}',
    });
  });

  test.each([
    { label: "no value column", columns: [{ header: "Gross", column: null, source: null }], want: true },
    {
      label: "a synonym at work",
      columns: [{ header: "Value", column: "position_value", source: "synonym" }],
      want: true,
    },
    {
      label: "a remembered choice at work",
      columns: [{ header: "Gross", column: "position_value", source: "remembered" }],
      want: true,
    },
    {
      label: "our own names and the user's choices only",
      columns: [
        { header: "position_value", column: "position_value", source: "name" },
        { header: "Notes", column: null, source: "mapping" },
        { header: "Other", column: null, source: null },
      ],
      want: false,
    },
  ] as const)("columnsNeedReview: $label → $want", ({ columns, want }) => {
    expect(columnsNeedReview(columns)).toBe(want);
  });
});

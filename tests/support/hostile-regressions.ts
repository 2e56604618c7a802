import type { ErrorCode } from "@/lib/errors";
import { type Case, JSON_TYPE } from "./hostile-case";

// What the fuzz of tests/api/fuzz.test.ts found, each fixed in lib/ and kept as a regression case:
// the request, and the status, error code and text of the answer it must get now.

const deep = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const incompressible =
  Array.from({ length: 3000 }, (_, i) => ((i * 7919) % 36).toString(36)).join("") + "QZ".repeat(200);

export const FUZZ_REGRESSIONS: Array<[label: string, request: Case, status: number, code: ErrorCode, text: string]> = [
  [
    "a negative alert cursor (was a 500)",
    { method: "GET", path: "/api/alerts", query: "cursor=-5" },
    400,
    "invalid_input",
    "cursor",
  ],
  [
    "an alert cursor past 2^53 (was a 500)",
    { method: "GET", path: "/api/alerts", query: "cursor=99999999999999999999" },
    400,
    "invalid_input",
    "cursor",
  ],
  [
    "inline run positions nested 50,000 deep (was a 500)",
    { method: "POST", path: "/api/exposures/runs", body: `{"positions":[${deep(50_000)}]}`, contentType: JSON_TYPE },
    422,
    "invalid_data",
    "must be an object",
  ],
  [
    "an inline position attribute nested 50,000 deep (was a 500)",
    {
      method: "POST",
      path: "/api/exposures/runs",
      body: `{"positions":[{"position_value":5,"strategy":${deep(50_000)}}]}`,
      contentType: JSON_TYPE,
    },
    422,
    "invalid_data",
    "a deeply nested list",
  ],
  [
    "an imported attribute nested 50,000 deep (was a 500)",
    {
      method: "POST",
      path: "/api/positions/import",
      body: `[{"position_value":5,"strategy":${deep(50_000)}}]`,
      contentType: JSON_TYPE,
    },
    422,
    "invalid_data",
    "a deeply nested list",
  ],
  [
    "a strategy too long for the index (was a 500)",
    {
      method: "POST",
      path: "/api/positions/import",
      body: `position_value,strategy\n5,${incompressible}\n`,
      contentType: "text/csv",
    },
    422,
    "invalid_data",
    "longer than 200 characters",
  ],
  [
    "a position_id too long for the index (was a 500)",
    {
      method: "POST",
      path: "/api/positions/import",
      body: `position_value,position_id\n5,${incompressible}\n`,
      contentType: "text/csv",
    },
    422,
    "invalid_data",
    "longer than 200 characters",
  ],
  [
    "inline positions with a value too long for the index (was a 500)",
    {
      method: "POST",
      path: "/api/exposures/runs",
      body: JSON.stringify({ positions: [{ position_value: 5, rent_band: incompressible }] }),
      contentType: JSON_TYPE,
    },
    422,
    "invalid_data",
    "longer than 200 characters",
  ],
  [
    "a NUL in an imported cell (the database refused it)",
    {
      method: "POST",
      path: "/api/positions/import",
      body: "position_value,strategy\n5,a\u0000b\n",
      contentType: "text/csv",
    },
    422,
    "invalid_data",
    "NUL character",
  ],
  [
    "a NUL in a limit's value (the database refused it)",
    {
      method: "POST",
      path: "/api/thresholds",
      body: JSON.stringify({ dimensionType: "strategy", dimensionValue: "a\u0000b", thresholdPct: 5 }),
      contentType: JSON_TYPE,
    },
    400,
    "invalid_input",
    "NUL character",
  ],
  [
    "a limit value too long for the index",
    {
      method: "POST",
      path: "/api/thresholds",
      body: JSON.stringify({ dimensionType: "strategy", dimensionValue: incompressible, thresholdPct: 5 }),
      contentType: JSON_TYPE,
    },
    400,
    "invalid_input",
    "at most 200 characters",
  ],
  [
    "a NUL in a portfolio name (the database refused it)",
    {
      method: "POST",
      path: "/api/portfolios",
      body: JSON.stringify({ slug: "nul-name", name: "a\u0000b" }),
      contentType: JSON_TYPE,
    },
    400,
    "invalid_input",
    "NUL character",
  ],
  [
    "a NUL in a positions filter (the database refused it)",
    { method: "GET", path: "/api/positions", query: "strategy=%00" },
    400,
    "invalid_input",
    "NUL character",
  ],
  [
    "a NUL in a trend's value (the database refused it)",
    { method: "GET", path: "/api/exposures/trend", query: "dimensionType=strategy&dimensionValue=%00" },
    400,
    "invalid_input",
    "NUL character",
  ],
  [
    "a malformed path segment in the API (Next answered a bare 500)",
    { method: "POST", path: "/api/alerts/%E0%A4%A/acknowledge", body: "{}", contentType: JSON_TYPE },
    400,
    "invalid_input",
    "percent-encoded",
  ],
  [
    "a malformed path segment in a page (Next answered a bare 500)",
    { method: "GET", path: "/exposures/%ZZ" },
    400,
    "invalid_input",
    "percent-encoded",
  ],
  [
    // A Latin-1 CSV was once stored with U+FFFD in place of é; it is read as Windows-1252 now
    // (tests/api/imports-encodings.test.ts), and a file that says UTF-16 but is not is still refused.
    "a UTF-16 byte-order mark before bytes that are not UTF-16",
    {
      method: "POST",
      path: "/api/positions/import",
      body: new Uint8Array([...Buffer.from("\uFEFFposition_value\n5\n", "utf16le"), 0x00, 0xd8]),
      contentType: "text/csv",
    },
    422,
    "invalid_data",
    "not UTF-16 text",
  ],
  [
    "a multipart body whose boundary does not match (was a 500)",
    {
      method: "POST",
      path: "/api/positions/import",
      body: "--x\r\nnot a part",
      contentType: "multipart/form-data; boundary=nope",
    },
    400,
    "invalid_input",
    "multipart",
  ],
];

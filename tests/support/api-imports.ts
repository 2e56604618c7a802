import type { HttpClient } from "./http-client";

// What the import contract tests (tests/api/imports*.test.ts) share: a file of good and bad rows,
// the rows it must reject, a multipart upload, and the stored book as a manager checks it.

/** The stored book as (positionId → value), which is what a manager checks after an import. */
export async function storedBook(api: HttpClient): Promise<Record<string, number>> {
  const positions = await api.positions();
  return Object.fromEntries(positions.map((p) => [p.positionId ?? `#${p.id}`, p.positionValue]));
}

/** A multipart form with the file in the field `file`, as the upload page sends it. */
export function multipart(bytes: Uint8Array | string, filename: string, type: string): FormData {
  const form = new FormData();
  const part = typeof bytes === "string" ? bytes : new Uint8Array(bytes);
  form.append("file", new Blob([part], { type }), filename);
  return form;
}

// Two good rows and five bad ones, each bad in exactly one field (rows are spreadsheet rows: the
// header is row 1).
export const MIXED_CSV = [
  "position_id,strategy,state,vintage,msa_id,position_value,units",
  "G1,core,TX,1995,12420,100000,10",
  "B1,core,TX,1995,12420,-5,10",
  "B2,core,ZZ,1995,12420,100000,10",
  "G2,value_add,CA,2001,31080,300000,20",
  "B3,core,TX,1700,12420,100000,10",
  "B4,core,TX,1995,123,100000,10",
  "B5,core,TX,1995,12420,abc,10",
].join("\n");
export const BAD_ROWS = [
  { row: 3, field: "position_value" },
  { row: 4, field: "state" },
  { row: 6, field: "vintage" },
  { row: 7, field: "msa_id" },
  { row: 8, field: "position_value" },
];

import { readFileSync } from "node:fs";
import path from "node:path";

/** A file from tests/fixtures/ (how each was made: tests/fixtures/README.md), as uploaded bytes. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(import.meta.dirname, "..", "fixtures", name)));
}

/**
 * The book every CSV fixture holds (tests/fixtures/source/book-*.fods): rows 2, 3, 4 and 6 are
 * valid; row 5 has an accounting negative "(12)" in units.
 */
export const FIXTURE_BOOK = {
  received: 5,
  values: [1_000_000.5, 2_500_000, 750_000.25, 12_345_678.9],
  units: [240, null, 120, 1200],
  ownership: [100, 50, 33.5, 25],
  assets: ["Café Lofts", "Zürich Court", "Peña Flats", "Lake View"],
  rejected: [{ row: 5, field: "units", message: 'units must be a whole number from 0 to 2147483647 (got "(12)")' }],
};

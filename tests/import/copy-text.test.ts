import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";

import type { Position } from "@/lib/engine/types";
import { CopyTextWriter, copyField, positionCopyLine } from "@/lib/import/copy-text";

// What Postgres's COPY text format reads back: the inverse of copyField, for the round trip.
function readField(field: string): string | null {
  if (field === "\\N") return null;
  return field.replace(/\\(.)/g, (_, c: string) => ({ t: "\t", n: "\n", r: "\r" })[c] ?? c);
}

describe("copyField", () => {
  test.each([
    ["plain", "A-17", "A-17"],
    ["null", null, "\\N"],
    ["a number", 1987, "1987"],
    ["a tab", "a\tb", "a\\tb"],
    ["a newline", "a\nb", "a\\nb"],
    ["a carriage return", "a\rb", "a\\rb"],
    ["a backslash", "C:\\dir", "C:\\\\dir"],
    ["the text \\N (not a null)", "\\N", "\\\\N"],
    ["the end-of-data marker \\.", "\\.", "\\\\."],
    ["quotes, commas, unicode", 'say "hi", Zürich 東京 🏢', 'say "hi", Zürich 東京 🏢'],
  ])("%s", (_, value, expected) => {
    expect(copyField(value)).toBe(expected);
    if (typeof value !== "number") expect(readField(expected)).toBe(value);
  });
});

describe("positionCopyLine", () => {
  const position: Position = {
    positionId: "P\t1",
    assetId: null,
    msaId: "12420",
    strategy: "core",
    state: "TX",
    vintage: 1987,
    constructionType: null,
    rentBand: "a\\b",
    positionValue: 1250000.5,
    units: null,
    ownershipPct: 33.3333,
  };

  test("eleven tab-separated fields, nulls as \\N, the value with exactly two decimals", () => {
    const line = positionCopyLine(position);
    expect(line).toBe("P\\t1\t\\N\t12420\tcore\tTX\t1987\t\\N\ta\\\\b\t1250000.50\t\\N\t33.3333\n");
    expect(line.slice(0, -1).split("\t").map(readField)).toEqual([
      "P\t1",
      null,
      "12420",
      "core",
      "TX",
      "1987",
      null,
      "a\\b",
      "1250000.50",
      null,
      "33.3333",
    ]);
  });

  test("the writer writes the lines to its file in order, a chunk at a time", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "aker-copy-text-"));
    try {
      const file = path.join(dir, "rows.copy");
      const fd = openSync(file, "w");
      const writer = new CopyTextWriter(fd);
      // Long enough to fill several chunks, with text of more than one byte a character, and one
      // line longer than a chunk.
      const lines = Array.from({ length: 30_000 }, (_, i) =>
        positionCopyLine({ ...position, positionId: `P${i}`, assetId: i === 5 ? "x".repeat(400_000) : "Zürich 東京" }),
      );
      for (const line of lines) writer.add(line);
      writer.finish();
      closeSync(fd);
      const written = readFileSync(file);
      expect(written.toString("utf8")).toBe(lines.join(""));
      expect(writer.bytes).toBe(written.byteLength);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

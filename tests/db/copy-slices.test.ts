import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import { fileLineSlices, lineSlices } from "@/lib/db/copy";

// PGlite's COPY goes a slice of whole lines at a time (lib/db/copy.ts): cut anywhere else, a row
// would be split between two statements.

const bytes = (text: string) => new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
const decode = (chunk: Uint8Array) => new TextDecoder().decode(chunk);

describe("lineSlices", () => {
  test("cuts only after line ends, each slice at least the size unless it is the last, and loses nothing", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 200 }),
        (rows, size) => {
          const text = rows.map((r) => `${r.replaceAll("\n", "\\n")}\n`).join("");
          const slices = [...lineSlices(bytes(text), size)];
          expect(slices.map(decode).join("")).toBe(text);
          for (const [i, slice] of slices.entries()) {
            expect(slice[slice.length - 1]).toBe(10);
            if (i < slices.length - 1) expect(slice.length).toBeGreaterThanOrEqual(size);
          }
        },
      ),
    );
  });

  test("a line longer than the size stays whole; an empty chunk gives no slice", () => {
    const long = `${"x".repeat(50)}\nshort\n`;
    expect([...lineSlices(bytes(long), 10)].map(decode)).toEqual([`${"x".repeat(50)}\n`, "short\n"]);
    expect([...lineSlices(bytes(""), 10)]).toEqual([]);
  });
});

describe("fileLineSlices: an import's COPY file read a slice of whole lines at a time", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "aker-copy-slices-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let files = 0;
  const slicesOf = async (text: string, size: number) => {
    const file = path.join(dir, `${files++}.copy`);
    writeFileSync(file, text);
    const slices: string[] = [];
    for await (const slice of fileLineSlices(file, () => size)) slices.push(decode(slice));
    return slices;
  };

  test("cuts only after line ends, never more than a slice and a line, and loses nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ maxLength: 40, unit: "grapheme" }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 200 }),
        async (rows, size) => {
          const text = rows.map((r) => `${r.replaceAll("\n", "\\n")}\n`).join("");
          const slices = await slicesOf(text, size);
          expect(slices.join("")).toBe(text);
          for (const slice of slices) {
            expect(slice.endsWith("\n")).toBe(true);
            // A slice is one read, longer only by a line that did not fit in one.
            const longest = Math.max(...slice.split("\n").map((line) => bytes(line).length + 1));
            expect(bytes(slice).length).toBeLessThanOrEqual(size + longest);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  test("a line longer than the slice stays whole; an empty file gives no slice; a last line without its end is kept", async () => {
    expect(await slicesOf(`${"x".repeat(50)}\nshort\n`, 10)).toEqual([`${"x".repeat(50)}\nshort\n`]);
    expect(await slicesOf("", 10)).toEqual([]);
    expect(await slicesOf("a\nb", 10)).toEqual(["a\n", "b"]);
  });
});

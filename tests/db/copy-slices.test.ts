import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { lineSlices } from "@/lib/db/copy";

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

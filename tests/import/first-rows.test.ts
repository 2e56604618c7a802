import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { FirstRows } from "@/lib/import/first-rows";

describe("FirstRows", () => {
  it("answers the row an id was first seen at, and nothing for a new id", () => {
    const firstRows = new FirstRows();
    expect(firstRows.firstOrAdd("P1", 2)).toBeUndefined();
    expect(firstRows.firstOrAdd("P2", 3)).toBeUndefined();
    expect(firstRows.firstOrAdd("P1", 4)).toBe(2);
    expect(firstRows.firstOrAdd("P1", 5)).toBe(2);
    expect(firstRows.size).toBe(2);
  });

  it("tells apart ids that differ only in case, accents, length or a prefix", () => {
    const firstRows = new FirstRows();
    const ids = ["a", "A", "á", "a\u0301", "ab", "", "ab ", "日本", "😀", "😀😀"];
    for (const [i, id] of ids.entries()) expect(firstRows.firstOrAdd(id, i + 2)).toBeUndefined();
    for (const [i, id] of ids.entries()) expect(firstRows.firstOrAdd(id, 100)).toBe(i + 2);
  });

  it("agrees with a Map on random files, through many doublings", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ max: 3000 }).map(String)), { maxLength: 5000 }),
        (ids) => {
          const firstRows = new FirstRows();
          const map = new Map<string, number>();
          ids.forEach((id, i) => {
            const expected = map.get(id);
            if (expected === undefined) map.set(id, i);
            expect(firstRows.firstOrAdd(id, i)).toBe(expected);
          });
          expect(firstRows.size).toBe(map.size);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("holds a million ids", () => {
    const firstRows = new FirstRows();
    for (let i = 0; i < 1_000_000; i++) firstRows.firstOrAdd(`P${String(i).padStart(7, "0")}`, i + 2);
    expect(firstRows.size).toBe(1_000_000);
    expect(firstRows.firstOrAdd("P0999999", 5)).toBe(1_000_001);
    expect(firstRows.firstOrAdd("P1000000", 5)).toBeUndefined();
  });
});

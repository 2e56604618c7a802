import { describe, expect, test } from "vitest";
import { msaName, searchMsas } from "@/lib/reference/cbsa";

const titles = (query: string, limit?: number) => searchMsas(query, limit).map((m) => m.title);

describe("searchMsas", () => {
  test.each([
    { label: "a name, in any case", query: "phoenix", first: "Phoenix-Mesa-Scottsdale, AZ" },
    { label: "a later part of a hyphenated name", query: "scottsdale", first: "Phoenix-Mesa-Scottsdale, AZ" },
    { label: "every word must appear", query: "dallas tx", first: "Dallas-Fort Worth-Arlington, TX" },
    { label: "accents are not needed", query: "mayaguez", first: "Mayagüez, PR" },
    { label: "nor refused", query: "Mayagüez", first: "Mayagüez, PR" },
    { label: "the first digits of a code", query: "3806", first: "Phoenix-Mesa-Scottsdale, AZ" },
  ])("$label: $query", ({ query, first }) => {
    expect(titles(query)[0]).toBe(first);
  });

  test("a title starting with the text comes before one that only contains it", () => {
    const found = titles("spring", 50);
    expect(found[0]?.startsWith("Spring")).toBe(true);
    expect(found).toContain("Colorado Springs, CO");
    expect(found.indexOf("Springfield, IL")).toBeLessThan(found.indexOf("Colorado Springs, CO"));
  });

  test("metros before micros among equally good matches", () => {
    const athens = searchMsas("athens");
    expect(athens.map((m) => [m.title, m.kind])).toEqual([
      ["Athens-Clarke County, GA", "metro"],
      ["Athens, OH", "micro"],
      ["Athens, TN", "micro"],
      ["Athens, TX", "micro"],
    ]);
  });

  test.each(["", "   ", "-", "zzzz", "phoenix zz", "99999"])("%j finds nothing", (query) => {
    expect(searchMsas(query)).toEqual([]);
  });

  test("at most `limit` matches, each with its code and the name msaName gives", () => {
    const found = searchMsas("a", 7);
    expect(found).toHaveLength(7);
    for (const m of found) expect(msaName(m.code)).toBe(m.title);
  });
});

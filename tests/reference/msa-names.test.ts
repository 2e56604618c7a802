import { describe, expect, test } from "vitest";
import { msaName } from "@/lib/reference/cbsa";
import { resolveMsaName } from "@/lib/reference/msa-names";

const titles = (name: string) => {
  const found = resolveMsaName(name);
  return "code" in found ? found.code : { problem: found.problem, titles: found.candidates.map((m) => m.title) };
};

describe("resolveMsaName", () => {
  test.each([
    { label: "a title", name: "Dallas-Fort Worth-Arlington, TX", code: "19100" },
    { label: "in any case", name: "DALLAS-FORT WORTH-ARLINGTON, tx", code: "19100" },
    {
      label: "with spaces around the hyphens and comma",
      name: "  Dallas - Fort Worth -  Arlington ,TX ",
      code: "19100",
    },
    { label: "with en and em dashes", name: "Dallas–Fort Worth—Arlington, TX", code: "19100" },
    { label: 'with " MSA"', name: "Dallas-Fort Worth-Arlington, TX MSA", code: "19100" },
    { label: 'with " Metro Area"', name: "Dallas-Fort Worth-Arlington, TX Metro Area", code: "19100" },
    {
      label: "with its full kind",
      name: "Dallas-Fort Worth-Arlington, TX Metropolitan Statistical Area",
      code: "19100",
    },
    { label: "a micro area's title", name: "Aberdeen, SD Micropolitan Statistical Area", code: "10100" },
    { label: "a multi-state title", name: "New York-Newark-Jersey City, NY-NJ-PA", code: "35620" },
    { label: "a title's cities without the states", name: "dallas-fort worth-arlington", code: "19100" },
    { label: "without accents", name: "Mayaguez, PR", code: "32420" },
    { label: "a title with double hyphens", name: "Nashville-Davidson--Murfreesboro--Franklin, TN", code: "34980" },
    { label: "… or single ones", name: "Nashville-Davidson-Murfreesboro-Franklin, TN", code: "34980" },
  ])("$label: $name", ({ name, code }) => {
    expect(resolveMsaName(name)).toEqual({ code });
    expect(msaName(code)).not.toBeNull();
  });

  test.each([
    { name: "Dallas, TX", code: "19100" },
    { name: "Fort Worth, TX", code: "19100" },
    { name: "arlington,tx", code: "19100" },
    { name: "Dallas TX", code: "19100" },
    { name: "Newark, NJ", code: "35620" },
    { name: "Jersey City, NJ", code: "35620" },
    { name: "New York, NY", code: "35620" },
    { name: "Arlington, VA", code: "47900" },
    { name: "Wilkes-Barre, PA", code: "42540" },
    { name: "Nashville, TN", code: "34980" },
    { name: "Louisville, KY", code: "31140" },
    { name: "Jefferson County, KY", code: "31140" },
    { name: "Dallas", code: "19100" },
  ])("a principal city: $name", ({ name, code }) => {
    expect(resolveMsaName(name)).toEqual({ code });
  });

  test("a title wins over another area's principal city", () => {
    // Ashland, OH is a micro area of its own and a principal city of Huntington-Ashland, WV-KY-OH.
    expect(resolveMsaName("Ashland, OH")).toEqual({ code: "11740" });
    expect(resolveMsaName("Huntington, OH")).toEqual({ code: "26580" });
  });

  test("a city several areas name is ambiguous: every candidate, metros first", () => {
    expect(titles("Springfield")).toEqual({
      problem: "ambiguous",
      titles: ["Springfield, IL", "Springfield, MA", "Springfield, MO", "Springfield, OH"],
    });
    expect(titles("albany")).toEqual({
      problem: "ambiguous",
      titles: ["Albany-Schenectady-Troy, NY", "Albany, GA", "Albany, OR"],
    });
    expect(titles("Springfield, MA")).toBe("44140");
  });

  test("an unknown name: the three closest titles", () => {
    expect(titles("Dalas, TX")).toEqual({
      problem: "unknown",
      titles: ["Dallas-Fort Worth-Arlington, TX", "Dumas, TX", "Paris, TX"],
    });
    expect(titles("Springfeld, MA")).toEqual({
      problem: "unknown",
      titles: ["Springfield, MA", "Springfield, MO", "Springfield, IL"],
    });
  });

  test("a name nothing resembles, or too long to be one, lists nothing", () => {
    expect(resolveMsaName("##")).toEqual({ problem: "unknown", candidates: [] });
    expect(resolveMsaName("Dallas ".repeat(100))).toEqual({ problem: "unknown", candidates: [] });
  });
});

import { describe, expect, test } from "vitest";
import { vintageBucket, vintageDecade } from "@/lib/engine/vintage";

describe("vintageBucket", () => {
  test.each([
    { label: "mid-decade", year: 1987, bucket: "1980s", decade: 1980 },
    { label: "first year of a decade", year: 2010, bucket: "2010s", decade: 2010 },
    { label: "turn of the millennium", year: 2000, bucket: "2000s", decade: 2000 },
    { label: "last year of a century", year: 1899, bucket: "1890s", decade: 1890 },
    { label: "last year of a decade", year: 2029, bucket: "2020s", decade: 2020 },
  ])("$label: $year -> $bucket", ({ year, bucket, decade }) => {
    expect(vintageBucket(year)).toBe(bucket);
    expect(vintageDecade(year)).toBe(decade);
  });
});

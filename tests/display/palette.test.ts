import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { HEAT_FILL_MAX } from "@/components/exposures/crosstab-table";

// The palette is app/globals.css's :root. WCAG 2 AA, checked on the palette itself rather than
// page by page: text 4.5:1 on every background it can sit on; a form control's edge, the focus
// ring and the status colours drawn as graphics (dials, bars) 3:1.

const CSS = readFileSync(path.join(import.meta.dirname, "..", "..", "app", "globals.css"), "utf8");
const ROOT = CSS.match(/:root\s*{([^}]*)}/)?.[1] ?? "";
const PALETTE = Object.fromEntries([...ROOT.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1], m[2]]));

/** A token's value: `text` is --color-text (Tailwind's text-text, bg-text), `map-high` is --map-high. */
function colour(name: string): string {
  const hex = PALETTE[`color-${name}`] ?? PALETTE[name];
  if (!hex) throw new Error(`--color-${name} (or --${name}) is not a #rrggbb colour in :root`);
  return hex;
}

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
}

/** WCAG 2's relative luminance of an sRGB colour. */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** WCAG 2's contrast ratio, 1 to 21. */
function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `share` of `hex` laid over white, as color-mix(in srgb, hex share, transparent) on a white card draws it. */
function overWhite(hex: string, share: number): string {
  const mixed = channels(hex).map((c) => Math.round((c * share + (1 - share)) * 255));
  return `#${mixed.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

const TEXT = ["text", "muted", "accent", "within", "near", "breach"];
const BACKGROUNDS = ["bg", "surface", "surface-2", "within-bg", "near-bg", "breach-bg"];

describe("the contrast function", () => {
  test.each([
    ["#000000", "#ffffff", 21],
    ["#ffffff", "#ffffff", 1],
    ["#767676", "#ffffff", 4.54],
    ["#949494", "#ffffff", 3.03],
  ])("%s on %s is %s:1", (fg, bg, ratio) => {
    expect(contrastRatio(fg, bg)).toBeCloseTo(ratio, 2);
  });
});

describe("the palette meets WCAG AA", () => {
  test("it is read from globals.css", () => {
    expect(Object.keys(PALETTE).length).toBeGreaterThan(20);
  });

  test.each(TEXT.flatMap((fg) => BACKGROUNDS.map((bg) => [fg, bg])))("text-%s on bg-%s: at least 4.5:1", (fg, bg) => {
    expect(contrastRatio(colour(fg), colour(bg))).toBeGreaterThanOrEqual(4.5);
  });

  test.each([
    ["accent-fg", "accent"],
    ["accent-fg", "breach"], // the danger button, the nav's critical badge
    ["accent-fg", "near"], // the nav's warning badge
  ])("text-%s on bg-%s: at least 4.5:1", (fg, bg) => {
    expect(contrastRatio(colour(fg), colour(bg))).toBeGreaterThanOrEqual(4.5);
  });

  test.each(
    ["control", "accent", "within", "near", "breach"].flatMap((fg) =>
      ["bg", "surface", "surface-2"].map((bg) => [fg, bg]),
    ),
  )("--color-%s against bg-%s (a control's edge, the focus ring, a status drawn): at least 3:1", (fg, bg) => {
    expect(contrastRatio(colour(fg), colour(bg))).toBeGreaterThanOrEqual(3);
  });

  test("the cross-tab's darkest heat fill still carries the text colour at 4.5:1", () => {
    expect(contrastRatio(colour("text"), overWhite(colour("map-high"), HEAT_FILL_MAX))).toBeGreaterThanOrEqual(4.5);
  });
});

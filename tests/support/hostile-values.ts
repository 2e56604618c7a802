import fc from "fast-check";
import { POSITION_COLUMNS } from "@/lib/engine/normalize";

// Values chosen to hurt, for tests/api/fuzz.test.ts: formulas, markup, numbers JavaScript reads
// too generously, invalid Unicode, text too long for an index, JSON nested past the stack.

const HOSTILE_TEXT = [
  '=HYPERLINK("http://evil.example","click")',
  "=cmd|' /C calc'!A0",
  "+1+1",
  "-2+3",
  "@SUM(A1:A9)",
  "\t=1",
  "\r=1",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "'; DROP TABLE positions; --",
  "1e309",
  "-1e309",
  "-0",
  "0x10",
  "NaN",
  "Infinity",
  "99999999999999999999",
  "1e19",
  "０１２",
  "١٢٣",
  "\u0000",
  "\uFEFF",
  "\uD800",
  "%00",
  "%ZZ",
  "../../etc/passwd",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose.
  "${7*7}{{7*7}}",
  " ",
  "",
  "x".repeat(3000),
  "€".repeat(20_000),
];

export const hostileText = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 4, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  // Long and incompressible: what a database index cannot hold.
  { weight: 1, arbitrary: fc.base64String({ minLength: 2000, maxLength: 4000 }) },
);

/** A JSON value that may hold literals JSON.stringify never writes (1e309, -0, 0x10, deep nesting). */
export type Json = { raw: string } | null | boolean | number | string | Json[] | { [key: string]: Json };

export function render(value: Json): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(render).join(",")}]`;
  if ("raw" in value && typeof value.raw === "string" && Object.keys(value).length === 1) return value.raw;
  return `{${Object.entries(value)
    .map(([k, v]) => `${JSON.stringify(k)}:${render(v)}`)
    .join(",")}}`;
}

const RAW_NUMBERS = [
  "1e309",
  "-1e309",
  "-0",
  "0x10",
  "1e-400",
  "NaN",
  "Infinity",
  "00012",
  ".5",
  "+1",
  "9007199254740993",
  "1e21",
  "-1",
  "100.000000000001",
  "0",
];
export const rawNumber = fc.constantFrom(...RAW_NUMBERS).map((raw): Json => ({ raw }));
const deepJson = fc
  .integer({ min: 1_000, max: 60_000 })
  .map((depth): Json => ({ raw: `${"[".repeat(depth)}${"]".repeat(depth)}` }));

export const scalar: fc.Arbitrary<Json> = fc.oneof(
  { weight: 2, arbitrary: fc.oneof(fc.constant(null), fc.boolean(), fc.double(), fc.integer()) },
  { weight: 4, arbitrary: hostileText },
  { weight: 2, arbitrary: rawNumber },
  { weight: 1, arbitrary: deepJson },
);

export const anyJson: fc.Arbitrary<Json> = fc.letrec<{ v: Json }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small" },
    scalar,
    fc.array(tie("v"), { maxLength: 4 }),
    fc.dictionary(hostileText, tie("v"), { maxKeys: 4 }),
  ),
})).v;

/** A field: mostly something plausible, often something hostile. */
export const field = (plausible: fc.Arbitrary<Json>) =>
  fc.oneof({ weight: 2, arbitrary: plausible }, { weight: 1, arbitrary: scalar }, { weight: 1, arbitrary: anyJson });

/** An object of such fields, any of them missing, sometimes with a key the schema does not know. */
export const objectOf = (fields: Record<string, fc.Arbitrary<Json>>) =>
  fc
    .tuple(
      fc.record(fields, { requiredKeys: [] }),
      fc.option(
        fc.dictionary(fc.constantFrom("__proto__", "constructor", "extra", "<b>x</b>"), anyJson, {
          minKeys: 1,
          maxKeys: 1,
        }),
        { freq: 4 },
      ),
    )
    .map(([a, b]): Json => ({ ...(a as Record<string, Json>), ...((b ?? {}) as Record<string, Json>) }));

export const positionRecord = fc.dictionary(
  fc.constantFrom(...POSITION_COLUMNS, "positionValue", "POSITION_VALUE", "__proto__"),
  fc.oneof(
    hostileText as fc.Arbitrary<Json>,
    rawNumber,
    fc.double() as fc.Arbitrary<Json>,
    fc.constantFrom<Json>("1000000", 250_000, "TX", "12420", "core"),
  ),
  { maxKeys: 10 },
) as fc.Arbitrary<Json>;

/** Text that is not one JSON document, or one that is awkward to parse. */
export const RAW_BODIES = [
  "",
  " ",
  "null",
  "[]",
  "{",
  '{"a":',
  "\uFEFF{}",
  "{}{}",
  "[1,]",
  "{'a':1}",
  "undefined",
  '"\\ud800"',
  "[".repeat(20_000),
  `${'{"a":'.repeat(5_000)}1${"}".repeat(5_000)}`,
];

/** A request body for a JSON endpoint: mostly shaped like its schema, sometimes not JSON at all. */
export const jsonBody = (shaped: fc.Arbitrary<Json>, maxBytes: number) =>
  fc.oneof(
    { weight: 6, arbitrary: shaped.map(render) },
    { weight: 2, arbitrary: anyJson.map(render) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_BODIES) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
    { weight: 1, arbitrary: fc.constant(`{"name":"${"y".repeat(maxBytes)}"}`) },
  );

/** encodeURIComponent, except that a lone surrogate goes out as its CESU-8 bytes: invalid UTF-8, as a buggy client sends it. */
export function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    const cesu = (code: number) =>
      [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join("");
    return [...value]
      .map((ch) => (/^[\uD800-\uDFFF]$/.test(ch) ? cesu(ch.charCodeAt(0)) : encodeURIComponent(ch)))
      .join("");
  }
}

/** Percent-encodings that decode to nothing valid. */
export const MALFORMED = ["%ZZ", "%E0%A4%A", "%", "%ED%A0%80", "%C0%AF", "a%2", "%FF%FE"];

/** A path segment: mostly a real id, sometimes a random one, hostile text or a malformed encoding. */
export const pathId = (real: () => string) =>
  fc
    .oneof(
      { weight: 4, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: hostileText.map((v) => encode(v) || "%20") },
      { weight: 1, arbitrary: fc.constantFrom(...MALFORMED) },
    )
    .map((v) => (v === null ? real() : v));

// An MSA given by name: a CBSA title ("Dallas-Fort Worth-Arlington, TX") or a principal city
// ("Dallas, TX", "Newark, NJ", or "Dallas" alone when only one area names it) → its CBSA code.
// Only the importer's rows that are not codes come here; codes never do.

import { fold, type MsaMatch, TITLES } from "./cbsa";

export type MsaResolution =
  | { code: string }
  /** `candidates`: every area the name fits, best first (ambiguous), or the 3 closest titles (unknown). */
  | { problem: "ambiguous" | "unknown"; candidates: MsaMatch[] };

const CLOSEST = 3;
const LONGEST = 200;

const SUFFIX =
  / (?:msa|metro|metro area|metropolitan area|metropolitan statistical area|micro area|micropolitan statistical area)$/;

/**
 * The text names are matched on: lower case without accents, whitespace collapsed, en and em
 * dashes as hyphens (a double hyphen as one), no spaces around "-" or "/", ", " before the states,
 * and a trailing "MSA", "Metro Area" or "…Statistical Area" dropped.
 */
export function msaNameKey(name: string): string {
  return fold(name)
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .replace(SUFFIX, "")
    .replace(/ ?-+ ?/g, "-")
    .replace(/ ?\/ ?/g, "/")
    .replace(/ ?, ?/g, ", ");
}

interface Lookup {
  /** Full title → code. A title wins over a principal city: "Ashland, OH" is its own micro area. */
  titles: Map<string, string>;
  /** "city, ST" for each principal city and state of a title, the bare city, and the title without its states → codes. */
  places: Map<string, Set<string>>;
  /** For "closest": each area's keys as trigram sets. */
  grams: Array<{ match: MsaMatch; keys: Array<Set<string>> }>;
}

let lookup: Lookup | null = null;

function build(): Lookup {
  const titles = new Map<string, string>();
  const places = new Map<string, Set<string>>();
  const grams: Lookup["grams"] = [];
  const place = (key: string, code: string) => {
    const codes = places.get(key) ?? new Set<string>();
    codes.add(code);
    places.set(key, codes);
    return key;
  };
  for (const [code, { title, kind }] of Object.entries(TITLES)) {
    const titleKey = msaNameKey(title);
    titles.set(titleKey, code);
    const comma = title.lastIndexOf(", ");
    const cities = title.slice(0, comma);
    const states = title.slice(comma + 2).split("-");
    const keys = new Set([titleKey, place(msaNameKey(cities), code)]);
    // A city whose own name has a hyphen is set apart by a double one: "Scranton--Wilkes-Barre--Hazleton".
    // "Louisville/Jefferson County" is one city by either name; "Nashville-Davidson" is Nashville too.
    const double = cities.includes("--");
    for (const city of cities.split(double ? "--" : "-")) {
      const names = new Set([city, ...city.split("/")]);
      if (double) names.add(city.split("-")[0] as string);
      for (const name of names) {
        keys.add(place(msaNameKey(name), code));
        for (const state of states) keys.add(place(msaNameKey(`${name}, ${state}`), code));
      }
    }
    grams.push({ match: { code, title, kind }, keys: [...keys].map(trigrams) });
  }
  return { titles, places, grams };
}

/** "Dallas TX" is read as "Dallas, TX" when the name has no comma. */
const TRAILING_STATES = /^(.+) ([a-z]{2}(?:-[a-z]{2})*)$/;

/** Resolves a CBSA title or principal city, in any case and spacing, to its code. */
export function resolveMsaName(name: string): MsaResolution {
  // No title is half this long; a longer text is no name, and comparing it would be slow.
  if (name.length > LONGEST) return { problem: "unknown", candidates: [] };
  lookup ??= build();
  const key = msaNameKey(name);
  const withComma = key.includes(",") ? null : key.replace(TRAILING_STATES, "$1, $2");
  for (const k of withComma && withComma !== key ? [key, withComma] : [key]) {
    const code = lookup.titles.get(k);
    if (code !== undefined) return { code };
    const codes = lookup.places.get(k);
    if (codes?.size === 1) return { code: [...codes][0] as string };
    if (codes !== undefined) return { problem: "ambiguous", candidates: ranked(lookup, key, codes) };
  }
  return { problem: "unknown", candidates: ranked(lookup, key, null).slice(0, CLOSEST) };
}

/**
 * Areas by how alike the name and the area's best key are (Dice coefficient of their letter
 * trigrams), then metros before micros, then by title. Without `only`, areas sharing no trigram
 * with the name are left out.
 */
function ranked(from: Lookup, key: string, only: ReadonlySet<string> | null): MsaMatch[] {
  const wanted = trigrams(key);
  const scored: Array<{ match: MsaMatch; score: number }> = [];
  for (const { match, keys } of from.grams) {
    if (only !== null && !only.has(match.code)) continue;
    const score = Math.max(...keys.map((k) => dice(wanted, k)));
    if (only !== null || score > 0) scored.push({ match, score });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      Number(a.match.kind === "micro") - Number(b.match.kind === "micro") ||
      a.match.title.localeCompare(b.match.title, "en"),
  );
  return scored.map((s) => s.match);
}

function trigrams(key: string): Set<string> {
  const padded = `  ${key} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const gram of small) if (large.has(gram)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

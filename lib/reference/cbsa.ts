import cbsa from "./cbsa.json";

// CBSA code → title: every metro and micro area of the OMB 2017 delineation (929 codes, from the
// NBER CBSA-to-county crosswalk). Codes of newer delineations are still valid positions; they
// simply have no name here.
export const TITLES = cbsa as Record<string, { title: string; kind: "metro" | "micro" }>;

export function msaName(code: string): string | null {
  return TITLES[code]?.title ?? null;
}

export interface MsaMatch {
  code: string;
  title: string;
  kind: "metro" | "micro";
}

/** Lower case without accents, so "mayaguez" finds "Mayagüez, PR". */
export const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
const WORDS = /[^a-z0-9]+/;

let index: Array<MsaMatch & { folded: string; words: string[] }> | null = null;
function entries() {
  index ??= Object.entries(TITLES).map(([code, { title, kind }]) => {
    const folded = fold(title);
    return { code, title, kind, folded, words: folded.split(WORDS) };
  });
  return index;
}

/**
 * CBSAs whose title holds every word typed (anywhere in it), or whose code starts with the digits
 * typed. Best first: the title starting with the first word, then words that start a word of the
 * title, then metros before micros, then by title.
 */
export function searchMsas(query: string, limit = 10): MsaMatch[] {
  const text = fold(query.trim());
  if (text === "") return [];
  if (/^\d{1,5}$/.test(text))
    return entries()
      .filter((e) => e.code.startsWith(text))
      .slice(0, limit)
      .map(({ code, title, kind }) => ({ code, title, kind }));
  const tokens = text.split(WORDS).filter(Boolean);
  if (tokens.length === 0) return [];
  const scored: Array<{ entry: MsaMatch; score: number }> = [];
  for (const e of entries()) {
    let score = e.folded.startsWith(tokens[0] ?? "") ? 0 : 1;
    for (const token of tokens) {
      if (e.words.some((w) => w.startsWith(token))) continue;
      if (!e.folded.includes(token)) {
        score = -1;
        break;
      }
      score += 1;
    }
    if (score >= 0) scored.push({ entry: { code: e.code, title: e.title, kind: e.kind }, score });
  }
  scored.sort(
    (a, b) =>
      a.score - b.score ||
      Number(a.entry.kind === "micro") - Number(b.entry.kind === "micro") ||
      a.entry.title.localeCompare(b.entry.title, "en"),
  );
  return scored.slice(0, limit).map((s) => s.entry);
}

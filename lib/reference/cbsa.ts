import cbsa from "./cbsa.json";

// CBSA code → title: every metro and micro area of the OMB 2017 delineation (929 codes, from the
// NBER CBSA-to-county crosswalk). Codes of newer delineations are still valid positions; they
// simply have no name here.
const TITLES = cbsa as Record<string, { title: string; kind: "metro" | "micro" }>;

export function msaName(code: string): string | null {
  return TITLES[code]?.title ?? null;
}

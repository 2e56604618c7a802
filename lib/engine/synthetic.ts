import type { Position } from "./types";

const STATES = [
  "AL",
  "AK",
  "AZ",
  "AR",
  "CA",
  "CO",
  "CT",
  "DE",
  "FL",
  "GA",
  "HI",
  "ID",
  "IL",
  "IN",
  "IA",
  "KS",
  "KY",
  "LA",
  "ME",
  "MD",
  "MA",
  "MI",
  "MN",
  "MS",
  "MO",
  "MT",
  "NE",
  "NV",
  "NH",
  "NJ",
  "NM",
  "NY",
  "NC",
  "ND",
  "OH",
  "OK",
  "OR",
  "PA",
  "RI",
  "SC",
  "SD",
  "TN",
  "TX",
  "UT",
  "VT",
  "VA",
  "WA",
  "WV",
  "WI",
  "WY",
] as const;
const STRATEGIES = ["core", "core_plus", "value_add", "opportunistic", "development"] as const;
const STRATEGY_WEIGHTS = [0.3, 0.25, 0.25, 0.12, 0.08];
const CONSTRUCTION_TYPES = ["garden", "mid_rise", "high_rise", "townhome", "mixed_use", "new_construction"] as const;
const RENT_BANDS = ["affordable", "workforce", "market", "luxury"] as const;
const DECADES = [1950, 1960, 1970, 1980, 1990, 2000, 2010, 2020] as const;
const DECADE_WEIGHTS = [0.03, 0.05, 0.1, 0.15, 0.17, 0.2, 0.2, 0.1];
const MSA_COUNT = 400;
const MIN_VALUE = 500_000;
const MAX_VALUE = 50_000_000;

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item at ${index}`);
  return item;
}

function pick<T>(items: readonly T[], u: number): T {
  return at(items, Math.min(items.length - 1, Math.floor(u * items.length)));
}

function pickWeighted<T>(items: readonly T[], weights: readonly number[], u: number): T {
  let cumulative = 0;
  for (let i = 0; i < items.length; i++) {
    cumulative += weights[i] ?? 0;
    if (u < cumulative) return at(items, i);
  }
  return at(items, items.length - 1);
}

/** 400 distinct 5-digit CBSA-like codes, each in one state (8 per state). */
function buildMsas(random: () => number): Array<{ msaId: string; state: string }> {
  const codes = new Set<string>();
  while (codes.size < MSA_COUNT) codes.add(String(10_000 + Math.floor(random() * 40_000)));
  return [...codes].map((msaId, i) => ({ msaId, state: at(STATES, i % STATES.length) }));
}

/**
 * A deterministic book shaped like a real one: a few large MSAs and a long tail, log-normal
 * position values between 0.5M and 50M, about 1 % of positions missing their MSA or vintage.
 * Attribute strings are shared instances from small pools, as they would be after normalisation.
 */
export function generateSyntheticPositions(count: number, seed = 42): Position[] {
  const random = mulberry32(seed);
  const msas = buildMsas(random);
  const positions: Position[] = new Array<Position>(Math.max(0, count));
  for (let i = 0; i < count; i++) {
    const msa = pick(msas, random() ** 1.6);
    // Box–Muller normal around ~5M, clamped to the book's range.
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const rawValue = Math.min(MAX_VALUE, Math.max(MIN_VALUE, Math.exp(15.4 + 0.9 * normal)));
    const positionValue = Math.round(rawValue * 100) / 100;
    const decade = pickWeighted(DECADES, DECADE_WEIGHTS, random());
    const vintage = decade + Math.floor(random() * 10);
    const id = String(i + 1).padStart(6, "0");
    positions[i] = {
      positionId: `P${id}`,
      assetId: `A${id}`,
      msaId: random() < 0.01 ? null : msa.msaId,
      strategy: pickWeighted(STRATEGIES, STRATEGY_WEIGHTS, random()),
      state: msa.state,
      vintage: random() < 0.01 ? null : vintage,
      constructionType: pick(CONSTRUCTION_TYPES, random()),
      rentBand: pick(RENT_BANDS, random()),
      positionValue,
      units: Math.max(1, Math.round(positionValue / (150_000 + random() * 250_000))),
      ownershipPct: 100,
    };
  }
  return positions;
}

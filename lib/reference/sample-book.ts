import { mulberry32 } from "../engine/synthetic";
import type { Position } from "../engine/types";
import { msaName } from "./cbsa";

// The sample portfolio that ships with the app: a deterministic, realistic multifamily book of
// 300 positions plus a year of history. Pure: no I/O, same output on every machine.

/** Real CBSA codes with a relative weight (how many positions land there). */
const MSA_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ["19100", 11],
  ["26420", 10],
  ["12420", 7],
  ["41700", 5],
  ["21340", 1.5],
  ["12060", 6],
  ["38060", 5],
  ["19740", 4],
  ["16740", 3.5],
  ["39580", 3],
  ["20500", 1.5],
  ["34980", 3.5],
  ["28940", 1],
  ["36740", 3],
  ["45300", 3],
  ["33100", 2.5],
  ["27260", 2],
  ["15980", 1],
  ["29820", 2.5],
  ["39900", 1],
  ["41620", 2],
  ["42660", 2.5],
  ["38900", 1.5],
  ["31080", 2],
  ["41740", 1.5],
  ["40140", 1.5],
  ["40900", 1],
  ["16980", 2],
  ["33460", 1.5],
  ["18140", 2],
  ["17140", 1.5],
  ["26900", 1.5],
  ["28140", 1.5],
  ["41180", 1],
  ["36420", 1.5],
  ["46140", 1],
  ["14260", 1],
  ["10740", 1],
  ["46060", 1],
  ["17820", 1.5],
  ["40060", 1.5],
  ["47900", 1.5],
  ["12580", 1],
  ["37980", 1],
  ["38300", 0.8],
  ["14460", 1],
  ["35620", 1],
  ["24860", 1.5],
  ["16700", 1.5],
  ["17900", 1],
  ["13820", 1],
  ["26620", 1.5],
  ["31140", 1],
  ["32820", 1],
  ["35380", 0.8],
  ["36540", 0.8],
  ["19780", 0.8],
  ["33340", 0.8],
  ["19820", 0.8],
  ["24340", 0.8],
  ["30780", 0.8],
  ["25540", 0.6],
  ["39300", 0.6],
  ["42340", 1],
  ["31540", 0.6],
  ["11260", 0.5],
];

/** An MSA's state is the first code after the comma of its CBSA title ("Charlotte-…, NC-SC" → NC). */
function stateOf(msaId: string): string {
  const state = /, ([A-Z]{2})(?:-[A-Z]{2})*$/.exec(msaName(msaId) ?? "")?.[1];
  if (!state) throw new Error(`sample MSA ${msaId} has no CBSA title`);
  return state;
}

const MSAS = MSA_WEIGHTS.map(([msaId, weight]) => ({ msaId, state: stateOf(msaId), weight }));

type Strategy = "core" | "core_plus" | "value_add" | "opportunistic" | "development";
const STRATEGIES: ReadonlyArray<readonly [Strategy, number]> = [
  ["core", 0.24],
  ["core_plus", 0.21],
  ["value_add", 0.31],
  ["opportunistic", 0.1],
  ["development", 0.12],
];
/** Monthly value growth by strategy: development and value-add gain most as they stabilise. */
const GROWTH: Record<Strategy, number> = {
  core: 0.002,
  core_plus: 0.0035,
  value_add: 0.008,
  opportunistic: 0.006,
  development: 0.014,
};
/** Year built: [first year, span] by strategy. Value-add buys older stock; development builds now. */
const VINTAGE: Record<Strategy, readonly [number, number]> = {
  core: [1992, 31],
  core_plus: [1980, 38],
  value_add: [1962, 40],
  opportunistic: [1960, 55],
  development: [2023, 2],
};
const CONSTRUCTION = [
  ["garden", 0.42],
  ["mid_rise", 0.25],
  ["high_rise", 0.11],
  ["townhome", 0.12],
  ["new_construction", 0.1],
] as const;
const SIZE: Record<string, number> = {
  garden: 0.9,
  mid_rise: 1.2,
  high_rise: 2.1,
  townhome: 0.55,
  new_construction: 1.3,
};
const RENT_BANDS = [
  ["affordable", 0.17],
  ["workforce", 0.3],
  ["market", 0.38],
  ["luxury", 0.14],
] as const;
const PRICE_PER_UNIT: Record<string, number> = {
  affordable: 130_000,
  workforce: 175_000,
  market: 245_000,
  luxury: 390_000,
};

export const SAMPLE_SIZE = 300;
/** Positions sold during the year: in the history, not in today's book. */
const DISPOSED = 14;
const MIN_VALUE = 2_000_000;
const MAX_VALUE = 120_000_000;

export interface SamplePosition {
  position: Position;
  /** Bought this many months ago (1–11), so absent from older snapshots; null: held all year. */
  acquiredMonthsAgo: number | null;
  /** Sold this many months ago (1–11), so only in older snapshots; null: still held. */
  disposedMonthsAgo: number | null;
  monthlyGrowth: number;
}

function weighted<T>(items: ReadonlyArray<readonly [T, number]>, u: number): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let cumulative = 0;
  for (const [item, w] of items) {
    cumulative += w / total;
    if (u < cumulative) return item;
  }
  const last = items[items.length - 1];
  if (!last) throw new Error("no items");
  return last[0];
}

const maybe = <T>(value: T, u: number, missingRate: number): T | null => (u < missingRate ? null : value);
const cents = (value: number) => Math.round(value * 100) / 100;

function samplePosition(index: number, random: () => number, disposed: boolean): SamplePosition {
  const msa = weighted(
    MSAS.map((m) => [m, m.weight] as const),
    random(),
  );
  const strategy = disposed
    ? weighted(
        [
          ["core", 0.6],
          ["core_plus", 0.3],
          ["opportunistic", 0.1],
        ] as const,
        random(),
      )
    : weighted(STRATEGIES, random());
  const construction =
    strategy === "development"
      ? random() < 0.8
        ? "new_construction"
        : "mid_rise"
      : weighted(CONSTRUCTION.slice(0, 4), random());
  const band = construction === "high_rise" && random() < 0.4 ? "luxury" : weighted(RENT_BANDS, random());
  const [first, span] = VINTAGE[strategy];
  const vintage =
    construction === "new_construction" && strategy !== "development"
      ? 2019 + Math.floor(random() * 6)
      : first + Math.floor(random() * span);
  // Box–Muller normal: log-normal values around $12M, a few large towers, clamped to the book's range.
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const bandFactor = band === "affordable" ? 0.8 : band === "luxury" ? 1.2 : 1;
  const value = cents(
    Math.min(MAX_VALUE, Math.max(MIN_VALUE, Math.exp(16.2 + 0.75 * normal) * (SIZE[construction] ?? 1) * bandFactor)),
  );
  const units = Math.max(8, Math.round(value / ((PRICE_PER_UNIT[band] ?? 200_000) * (0.85 + random() * 0.3))));
  const id = String(index + 1).padStart(4, "0");
  const acquiredRate = strategy === "value_add" ? 0.25 : strategy === "development" ? 0.15 : 0.06;
  return {
    position: {
      positionId: `SAMPLE-${id}`,
      assetId: `AKR-${id}`,
      msaId: maybe(msa.msaId, random(), 0.015),
      strategy,
      state: msa.state,
      vintage: maybe(vintage, random(), 0.02),
      constructionType: maybe(construction, random(), 0.01),
      rentBand: maybe(band, random(), 0.015),
      positionValue: value,
      units: maybe(units, random(), 0.02),
      ownershipPct: 100,
    },
    acquiredMonthsAgo: !disposed && random() < acquiredRate ? 1 + Math.floor(random() * 11) : null,
    disposedMonthsAgo: disposed ? 1 + Math.floor(random() * 11) : null,
    monthlyGrowth: GROWTH[strategy],
  };
}

/** Today's 300 positions followed by the ones sold during the year. */
export function buildSampleBook(seed = 152): SamplePosition[] {
  const random = mulberry32(seed);
  return Array.from({ length: SAMPLE_SIZE + DISPOSED }, (_, i) => samplePosition(i, random, i >= SAMPLE_SIZE));
}

/**
 * The book as it stood `monthsAgo` months back: positions bought since are left out, sold ones
 * put back, and values discounted by each strategy's growth with a little month-to-month noise.
 */
export function sampleBookAt(book: readonly SamplePosition[], monthsAgo: number): Position[] {
  if (monthsAgo === 0) return book.filter((s) => s.disposedMonthsAgo === null).map((s) => s.position);
  return book.flatMap((s, i) => {
    const bought = s.acquiredMonthsAgo === null || s.acquiredMonthsAgo > monthsAgo;
    const stillHeld = s.disposedMonthsAgo === null || s.disposedMonthsAgo <= monthsAgo;
    if (!bought || !stillHeld) return [];
    const noise = 1 + (mulberry32(i * 7919 + monthsAgo * 104_729)() - 0.5) * 0.02;
    return [
      { ...s.position, positionValue: cents(s.position.positionValue * (1 + s.monthlyGrowth) ** -monthsAgo * noise) },
    ];
  });
}

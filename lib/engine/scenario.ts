// What-if scenarios: a copy of the book changed by trades and shocks, its exposure, and how its
// breaches differ from the book's today; the dollars each value can take before a limit; the
// largest acquisition that breaks none. Same buckets, comparisons and tolerance as runs and alerts.

import {
  computeExposures,
  computeExposuresFromGroups,
  computeExposuresWithChanges,
  type GroupedPositions,
} from "./exposures";
import { basisBuckets, evaluateRule, measureRule } from "./limit-kinds";
import { applicableExposures, isBreached, LIMIT_EPSILON_PP } from "./limits";
import { MAX_POSITION_VALUE, normalizePosition, POSITION_COLUMNS, type RawPosition } from "./normalize";
import { regionOf } from "./regions";
import {
  type Basis,
  type BreachUnit,
  type Concentration,
  DIMENSIONS,
  type Dimension,
  type ExposureBucket,
  type ExposureResult,
  isShareLimit,
  type Limit,
  type LimitKind,
  type Position,
  type Severity,
  type ThresholdType,
  UNKNOWN,
} from "./types";
import { describeValue, parseMoney, parseText } from "./values";
import { vintageBucket } from "./vintage";

export type Trade =
  | { action: "buy"; position: Position }
  /** `value` null sells the whole position; otherwise reduces it by that much. */
  | { action: "sell"; positionId: string; value: number | null }
  | { action: "revalue"; positionId: string; positionValue: number };

/** Scales the value of every position in a bucket (`dimensionValue` null: every known value). */
export interface Shock {
  dimensionType: Dimension;
  dimensionValue: string | null;
  valueChangePct: number;
}

/** One bad trade or shock field, named by its place in the request: `trades[2].position_value`. */
export interface ScenarioIssue {
  field: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: ScenarioIssue[] };

const TRADE_ACTIONS = ["buy", "sell", "revalue"] as const;
const TRADE_KEYS = {
  buy: ["action", "position"],
  sell: ["action", "positionId", "value"],
  revalue: ["action", "positionId", "positionValue"],
} as const;
const SHOCK_KEYS = ["dimensionType", "dimensionValue", "valueChangePct"];
const COLUMNS: ReadonlySet<string> = new Set(POSITION_COLUMNS);

/** A shock may halve a value many times over, never wipe it out: above −100 %, at most +1,000 %. */
export const MIN_SHOCK_PCT = -100;
export const MAX_SHOCK_PCT = 1000;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function unknownKeys(record: Record<string, unknown>, allowed: readonly string[], at: string): ScenarioIssue[] {
  return Object.keys(record)
    .filter((key) => !allowed.includes(key))
    .map((key) => ({
      field: `${at}.${key}`,
      message: `is not a field of this entry (expected ${allowed.join(", ")})`,
    }));
}

/** A money amount greater than 0 and below the largest position value, or why not. */
function amount(value: unknown): number | string {
  const parsed = parseMoney(value);
  if (parsed === null || !(parsed > 0)) return `must be a number greater than 0 (got ${describeValue(value)})`;
  if (parsed >= MAX_POSITION_VALUE) return `must be below 10,000,000,000,000 (got ${describeValue(value)})`;
  return parsed;
}

function positionIdOf(value: unknown): string | string[] {
  const id = parseText(value);
  if (typeof id !== "string" || id === "") return [`is required: the position_id of a stored position`];
  return id;
}

/**
 * An MSA given by name → its code, or the error on msa_id; undefined for anything else (codes,
 * blanks), which normalisation checks. The import's (lib/import/records.ts), passed in by the
 * services: the engine holds no reference data.
 */
export type MsaCodeOfName = (value: unknown) => string | { message: string } | undefined;

/**
 * Trades as a request sends them (JSON), checked the way an import checks a row: a purchase's
 * position has the import's columns and rules (an MSA by name too, given `msaCodeOfName`). Every
 * problem is reported, each named by index.
 */
export function parseTrades(
  raw: readonly unknown[],
  opts: { currentYear?: number; msaCodeOfName?: MsaCodeOfName } = {},
): Parsed<Trade[]> {
  const issues: ScenarioIssue[] = [];
  const trades: Trade[] = [];
  raw.forEach((entry, i) => {
    const at = `trades[${i}]`;
    if (!isRecord(entry)) {
      issues.push({ field: at, message: `must be an object with an action (got ${describeValue(entry)})` });
      return;
    }
    const action = entry.action;
    if (typeof action !== "string" || !(TRADE_ACTIONS as readonly string[]).includes(action)) {
      issues.push({ field: `${at}.action`, message: `must be one of ${TRADE_ACTIONS.join(", ")}` });
      return;
    }
    const kind = action as (typeof TRADE_ACTIONS)[number];
    issues.push(...unknownKeys(entry, TRADE_KEYS[kind], at));
    if (kind === "buy") {
      if (!isRecord(entry.position)) {
        issues.push({ field: `${at}.position`, message: "must be an object with the import's columns" });
        return;
      }
      const row = entry.position as RawPosition & Record<string, unknown>;
      const strange = Object.keys(row).filter((key) => !COLUMNS.has(key));
      for (const key of strange)
        issues.push({ field: `${at}.${key}`, message: `is not a position column (${POSITION_COLUMNS.join(", ")})` });
      const msa = opts.msaCodeOfName?.(row.msa_id);
      if (typeof msa === "object") issues.push({ field: `${at}.msa_id`, message: msa.message });
      const named = msa === undefined ? row : { ...row, msa_id: typeof msa === "string" ? msa : null };
      const normalized = normalizePosition(named, i, opts);
      if (!normalized.ok) {
        for (const e of normalized.errors) issues.push({ field: `${at}.${e.field}`, message: e.message });
        return;
      }
      if (typeof msa !== "object") trades.push({ action: "buy", position: normalized.position });
      return;
    }
    const positionId = positionIdOf(entry.positionId);
    if (Array.isArray(positionId)) issues.push({ field: `${at}.positionId`, message: positionId[0] ?? "" });
    if (kind === "sell") {
      const value = entry.value === undefined || entry.value === null ? null : amount(entry.value);
      if (typeof value === "string") issues.push({ field: `${at}.value`, message: value });
      if (typeof positionId === "string" && typeof value !== "string")
        trades.push({ action: "sell", positionId, value });
      return;
    }
    const positionValue = amount(entry.positionValue);
    if (typeof positionValue === "string") issues.push({ field: `${at}.positionValue`, message: positionValue });
    if (typeof positionId === "string" && typeof positionValue === "number")
      trades.push({ action: "revalue", positionId, positionValue });
  });
  return issues.length ? { ok: false, issues } : { ok: true, value: trades };
}

/** Bucket names as a limit takes them ("TX", "1970s", "value_add"); see normalizeShockValue. */
export function parseShocks(
  raw: readonly unknown[],
  normalizeValue: (dimension: Dimension, value: string) => { ok: true; value: string } | { ok: false; message: string },
): Parsed<Shock[]> {
  const issues: ScenarioIssue[] = [];
  const shocks: Shock[] = [];
  raw.forEach((entry, i) => {
    const at = `shocks[${i}]`;
    if (!isRecord(entry)) {
      issues.push({ field: at, message: `must be an object (got ${describeValue(entry)})` });
      return;
    }
    const before = issues.length;
    issues.push(...unknownKeys(entry, SHOCK_KEYS, at));
    const dimension = entry.dimensionType;
    const known = typeof dimension === "string" && (DIMENSIONS as readonly string[]).includes(dimension);
    if (!known) issues.push({ field: `${at}.dimensionType`, message: `must be one of ${DIMENSIONS.join(", ")}` });
    let dimensionValue: string | null = null;
    if (entry.dimensionValue !== undefined && entry.dimensionValue !== null) {
      if (typeof entry.dimensionValue !== "string")
        issues.push({ field: `${at}.dimensionValue`, message: "must be text, or left out for every value" });
      else if (known) {
        const normalized = normalizeValue(dimension as Dimension, entry.dimensionValue);
        if (normalized.ok) dimensionValue = normalized.value;
        else issues.push({ field: `${at}.dimensionValue`, message: normalized.message });
      }
    }
    const pct = entry.valueChangePct;
    if (typeof pct !== "number" || !Number.isFinite(pct) || pct <= MIN_SHOCK_PCT || pct > MAX_SHOCK_PCT)
      issues.push({
        field: `${at}.valueChangePct`,
        message: `must be a number above ${MIN_SHOCK_PCT} and at most ${MAX_SHOCK_PCT} (got ${describeValue(pct)})`,
      });
    if (issues.length === before)
      shocks.push({ dimensionType: dimension as Dimension, dimensionValue, valueChangePct: pct as number });
  });
  return issues.length ? { ok: false, issues } : { ok: true, value: shocks };
}

/** What places a position in its buckets. */
type Attributes = Pick<Position, "strategy" | "state" | "msaId" | "vintage" | "constructionType" | "rentBand">;

/** The bucket a position falls in along one dimension (vintage by decade, missing as `unknown`). */
export function bucketOf(position: Attributes, dimension: Dimension): string {
  const raw =
    dimension === "strategy"
      ? position.strategy
      : dimension === "state"
        ? position.state
        : dimension === "msa"
          ? position.msaId
          : dimension === "vintage"
            ? position.vintage === null
              ? null
              : vintageBucket(position.vintage)
            : dimension === "construction_type"
              ? position.constructionType
              : dimension === "region"
                ? regionOf(position.state)
                : position.rentBand;
  return raw === null || raw === "" ? UNKNOWN : raw;
}

function shockApplies(shock: Shock, bucket: string): boolean {
  return shock.dimensionValue === null ? bucket !== UNKNOWN : shock.dimensionValue === bucket;
}

/** Whole cents, as positions are stored. */
const cents = (value: number) => Math.round(value * 100) / 100;

/**
 * The book after the trades (in order) and then the shocks (in order). Trades name stored
 * positions by position_id; a trade on a position that is not there, or no longer there, is an
 * issue named by its index. The book passed in is not changed.
 */
export function applyScenario(
  book: readonly Position[],
  trades: readonly Trade[],
  shocks: readonly Shock[] = [],
): Parsed<Position[]> {
  const positions: Array<Position | null> = [...book];
  const byId = new Map<string, number>();
  positions.forEach((p, i) => {
    if (p?.positionId) byId.set(p.positionId, i);
  });
  const soldBy = new Map<string, number>();
  const issues: ScenarioIssue[] = [];
  trades.forEach((trade, i) => {
    const at = `trades[${i}]`;
    if (trade.action === "buy") {
      const id = trade.position.positionId;
      if (id !== null && byId.has(id)) {
        issues.push({
          field: `${at}.position_id`,
          message: `position_id ${JSON.stringify(id)} is already in the book: sell or revalue it instead`,
        });
        return;
      }
      if (id !== null) byId.set(id, positions.length);
      positions.push(trade.position);
      return;
    }
    const slot = byId.get(trade.positionId);
    const current = slot === undefined ? null : positions[slot];
    if (slot === undefined || !current) {
      const sold = soldBy.get(trade.positionId);
      issues.push({
        field: `${at}.positionId`,
        message:
          sold === undefined
            ? `no stored position has position_id ${JSON.stringify(trade.positionId)}`
            : `position ${JSON.stringify(trade.positionId)} was sold by trades[${sold}]`,
      });
      return;
    }
    if (trade.action === "revalue") {
      positions[slot] = { ...current, positionValue: trade.positionValue };
      return;
    }
    if (trade.value === null || Math.abs(trade.value - current.positionValue) < 0.005) {
      positions[slot] = null;
      byId.delete(trade.positionId);
      soldBy.set(trade.positionId, i);
      return;
    }
    if (trade.value > current.positionValue) {
      issues.push({
        field: `${at}.value`,
        message: `is more than the position's value (${current.positionValue.toFixed(2)}); leave it out to sell it all`,
      });
      return;
    }
    positions[slot] = { ...current, positionValue: cents(current.positionValue - trade.value) };
  });
  if (issues.length) return { ok: false, issues };
  const after = positions.filter((p): p is Position => p !== null);
  if (shocks.length === 0) return { ok: true, value: after };
  return {
    ok: true,
    value: after.map((p) => {
      let value = p.positionValue;
      for (const shock of shocks)
        if (shockApplies(shock, bucketOf(p, shock.dimensionType)))
          value = cents(value * (1 + shock.valueChangePct / 100));
      return value === p.positionValue ? p : { ...p, positionValue: value };
    }),
  };
}

export interface ExposureChange {
  dimensionType: Dimension;
  dimensionValue: string;
  beforePct: number;
  afterPct: number;
  /** afterPct − beforePct, in percentage points. */
  deltaPp: number;
  beforeValue: number;
  afterValue: number;
}

export type BreachChangeKind = "new" | "cleared" | "worse" | "better" | "same";

export interface BreachChange {
  thresholdId: string;
  kind: LimitKind;
  basis: Basis;
  dimensionType: Dimension;
  /** The value, or DIMENSION_WIDE for a count, top-N or HHI limit. */
  dimensionValue: string;
  severity: Severity;
  /** The side crossed (a target: the side it is on after, or was on before when cleared). */
  thresholdType: ThresholdType;
  /** The line, in the limit's unit (see Breach). */
  thresholdPct: number;
  /** What the limit measures, before and after, in its unit (a share, an amount, a count, an HHI). */
  beforePct: number;
  afterPct: number;
  breachUnit: BreachUnit;
  change: BreachChangeKind;
}

export type Verdict = Severity | "pass";

export interface ScenarioEvaluation {
  before: { totalPortfolioValue: number; positionCount: number };
  after: {
    totalPortfolioValue: number;
    positionCount: number;
    exposures: ExposureBucket[];
    concentration: Record<Dimension, Concentration>;
  };
  changes: ExposureChange[];
  breaches: BreachChange[];
  verdict: Verdict;
}

const key = (dimension: string, value: string) => `${dimension}\u0000${value}`;

function bucketIndex(exposures: readonly ExposureBucket[]): Map<string, ExposureBucket> {
  return new Map(exposures.map((b) => [key(b.dimensionType, b.dimensionValue), b]));
}

/** Every bucket whose value or share moved, per dimension (DIMENSIONS order), largest move first. */
export function exposureChanges(before: ExposureResult, after: ExposureResult): ExposureChange[] {
  const was = bucketIndex(before.exposures);
  const now = bucketIndex(after.exposures);
  const changes: ExposureChange[] = [];
  for (const dimension of DIMENSIONS) {
    const values = new Set<string>();
    for (const b of before.exposures) if (b.dimensionType === dimension) values.add(b.dimensionValue);
    for (const b of after.exposures) if (b.dimensionType === dimension) values.add(b.dimensionValue);
    const rows: ExposureChange[] = [];
    for (const value of values) {
      const b = was.get(key(dimension, value));
      const a = now.get(key(dimension, value));
      const beforePct = b?.exposurePct ?? 0;
      const afterPct = a?.exposurePct ?? 0;
      const beforeValue = b?.exposureValue ?? 0;
      const afterValue = a?.exposureValue ?? 0;
      const deltaPp = afterPct - beforePct;
      if (Math.abs(deltaPp) <= LIMIT_EPSILON_PP && Math.round((afterValue - beforeValue) * 100) === 0) continue;
      rows.push({
        dimensionType: dimension,
        dimensionValue: value,
        beforePct,
        afterPct,
        deltaPp,
        beforeValue,
        afterValue,
      });
    }
    rows.sort(
      (x, y) =>
        Math.abs(y.deltaPp) - Math.abs(x.deltaPp) ||
        (x.dimensionValue < y.dimensionValue ? -1 : x.dimensionValue > y.dimensionValue ? 1 : 0),
    );
    changes.push(...rows);
  }
  return changes;
}

const CHANGE_ORDER: Record<BreachChangeKind, number> = { new: 0, worse: 1, same: 2, better: 3, cleared: 4 };

/**
 * Every (limit, value) breached before or after, for limits of every kind on their basis: new,
 * cleared, worse or better (its distance past the limit moved by more than the limits'
 * tolerance) or the same. New and worse first, then in limit order. A value with no positions
 * stands at 0 (a minimum on it is breached).
 */
export function breachChanges(before: ExposureResult, after: ExposureResult, limits: readonly Limit[]): BreachChange[] {
  const active = limits.filter((l) => l.isActive);
  const rows: Array<BreachChange & { order: number }> = [];
  active.forEach((limit, order) => {
    const beforeBuckets = basisBuckets(before.exposures, limit.basis);
    const afterBuckets = basisBuckets(after.exposures, limit.basis);
    const breaches = (buckets: readonly ExposureBucket[]) =>
      new Map(evaluateRule(limit, buckets).map((b) => [b.dimensionValue, b]));
    const measured = (buckets: readonly ExposureBucket[], value: string) =>
      measureRule(limit, buckets).find((m) => m.dimensionValue === value)?.observed ?? 0;
    const was = breaches(beforeBuckets);
    const now = breaches(afterBuckets);
    for (const value of new Set([...was.keys(), ...now.keys()])) {
      const then = was.get(value);
      const later = now.get(value);
      const shown = later ?? then;
      if (shown === undefined) continue;
      let change: BreachChangeKind;
      if (then === undefined) change = "new";
      else if (later === undefined) change = "cleared";
      else {
        const moved = later.breachPct - then.breachPct;
        change = moved > LIMIT_EPSILON_PP ? "worse" : moved < -LIMIT_EPSILON_PP ? "better" : "same";
      }
      rows.push({
        thresholdId: limit.id,
        kind: limit.kind,
        basis: limit.basis,
        dimensionType: limit.dimensionType,
        dimensionValue: value,
        severity: limit.severityLevel,
        thresholdType: shown.thresholdType,
        thresholdPct: shown.thresholdPct,
        beforePct: then?.exposurePct ?? measured(beforeBuckets, value),
        afterPct: later?.exposurePct ?? measured(afterBuckets, value),
        breachUnit: shown.breachUnit,
        change,
        order,
      });
    }
  });
  rows.sort((a, b) => CHANGE_ORDER[a.change] - CHANGE_ORDER[b.change] || a.order - b.order);
  return rows.map(({ order: _order, ...row }) => row);
}

/** The worst severity among new and worse breaches, else pass. */
export function verdictOf(breaches: readonly Pick<BreachChange, "change" | "severity">[]): Verdict {
  const counted = breaches.filter((b) => b.change === "new" || b.change === "worse");
  if (counted.some((b) => b.severity === "critical")) return "critical";
  return counted.length ? "warning" : "pass";
}

function evaluation(before: ExposureResult, after: ExposureResult, limits: readonly Limit[]): ScenarioEvaluation {
  const breaches = breachChanges(before, after, limits);
  return {
    before: { totalPortfolioValue: before.totalPortfolioValue, positionCount: before.positionCount },
    after: {
      totalPortfolioValue: after.totalPortfolioValue,
      positionCount: after.positionCount,
      exposures: after.exposures,
      concentration: after.concentration,
    },
    changes: exposureChanges(before, after),
    breaches,
    verdict: verdictOf(breaches),
  };
}

/**
 * The book after the trades and shocks, against the limits: its exposure, what moved, and how
 * its breaches differ from the book's today. Pure: the book passed in is not changed.
 */
export function evaluateScenario(
  book: readonly Position[],
  trades: readonly Trade[],
  shocks: readonly Shock[],
  limits: readonly Limit[],
): Parsed<ScenarioEvaluation> {
  const applied = applyScenario(book, trades, shocks);
  if (!applied.ok) return applied;
  return { ok: true, value: evaluation(computeExposures(book), computeExposures(applied.value), limits) };
}

/** The stored position_ids the trades name: those they sell or revalue, and those they buy. */
export function namedPositionIds(trades: readonly Trade[]): string[] {
  const ids = trades.flatMap((t) => (t.action === "buy" ? (t.position.positionId ?? []) : [t.positionId]));
  return [...new Set(ids)];
}

/** Whether any of the shocks changes this position's value (see applyScenario). */
export function movedByShocks(position: Attributes, shocks: readonly Shock[]): boolean {
  return shocks.some((shock) => shockApplies(shock, bucketOf(position, shock.dimensionType)));
}

/**
 * evaluateScenario from the book as the database sums it for a run (GroupedPositions) and only
 * the stored positions the scenario touches (`touched`: every stored position whose position_id
 * namedPositionIds lists, and every one movedByShocks moves; more does no harm). Nothing else
 * changes, so the book after is the sums with the touched positions taken out and what the trades
 * and shocks leave of them put back: the same answer as evaluateScenario over every position.
 */
export function evaluateScenarioOnGroups(
  book: GroupedPositions,
  touched: readonly Position[],
  trades: readonly Trade[],
  shocks: readonly Shock[],
  limits: readonly Limit[],
): Parsed<ScenarioEvaluation> {
  const applied = applyScenario(touched, trades, shocks);
  if (!applied.ok) return applied;
  const after = computeExposuresWithChanges(book, touched, applied.value);
  return { ok: true, value: evaluation(computeExposuresFromGroups(book), after, limits) };
}

export interface CapacityRow {
  dimensionType: Dimension;
  dimensionValue: string;
  exposurePct: number;
  exposureValue: number;
  thresholdId: string;
  thresholdType: ThresholdType;
  thresholdPct: number;
  /** Dollars that can still be added to this value alone before the limit is crossed; null: no end. */
  capacityValue: number | null;
  /** Dollars to add to this value to reach a minimum; 0 when met; null: adding cannot reach it. */
  shortfallValue: number | null;
}

// Float division leaves 49.999999999 where the exact answer is 50: an amount within a millionth of
// a cent (or, for amounts over $100M, 1e-13 of itself: a few float roundings) of a whole cent
// counts as that cent.
const slack = (c: number) => Math.max(1e-6, Math.abs(c) * 1e-13);
const floorCents = (x: number) => Math.floor(x * 100 + slack(x * 100)) / 100;
const ceilCents = (x: number) => Math.ceil(x * 100 - slack(x * 100)) / 100;

/**
 * x such that (v + x) / (T + x) = L: the amount to add to a value of exposure v in a book of
 * total T to bring its share to L (a fraction below 1). Negative when the share is above L.
 */
export function amountToShare(v: number, total: number, share: number): number {
  return (share * total - v) / (1 - share);
}

/**
 * For every active limit and each value it applies to (a named value with no positions at 0 %),
 * how much can be added to that value before a maximum is crossed (0 at or past it, unlimited at
 * 100 %), or must be added to reach a minimum. `dimension` keeps one dimension's limits.
 */
export function capacity(result: ExposureResult, limits: readonly Limit[], dimension?: Dimension): CapacityRow[] {
  const rows: CapacityRow[] = [];
  const values = bucketIndex(result.exposures);
  const total = result.totalPortfolioValue;
  for (const limit of limits) {
    if (!limit.isActive || !isShareLimit(limit) || (dimension && limit.dimensionType !== dimension)) continue;
    const share = limit.thresholdPct / 100;
    for (const { dimensionValue, exposurePct } of applicableExposures(limit, result.exposures)) {
      const exposureValue = values.get(key(limit.dimensionType, dimensionValue))?.exposureValue ?? 0;
      const row = {
        dimensionType: limit.dimensionType,
        dimensionValue,
        exposurePct,
        exposureValue,
        thresholdId: limit.id,
        thresholdType: limit.thresholdType,
        thresholdPct: limit.thresholdPct,
      };
      if (limit.thresholdType === "maximum") {
        const room =
          share >= 1
            ? null
            : isBreached(exposurePct, limit.thresholdPct, "maximum")
              ? 0
              : Math.max(0, floorCents(amountToShare(exposureValue, total, share)));
        rows.push({ ...row, capacityValue: room, shortfallValue: 0 });
      } else {
        const short = !isBreached(exposurePct, limit.thresholdPct, "minimum")
          ? 0
          : share >= 1
            ? null
            : Math.max(0, ceilCents(amountToShare(exposureValue, total, share)));
        rows.push({ ...row, capacityValue: null, shortfallValue: short });
      }
    }
  }
  return rows;
}

/** The attributes of an asset one might buy (the import's columns; any may be missing). */
export type AcquisitionAsset = Attributes;

export interface BindingLimit {
  thresholdId: string;
  dimensionType: Dimension;
  dimensionValue: string;
  thresholdType: ThresholdType;
  thresholdPct: number;
}

export interface MaxAcquisition {
  /** null: no active limit bounds the purchase. */
  maxValue: number | null;
  binding: BindingLimit | null;
}

/**
 * The largest value x of an asset with these attributes whose purchase leaves every active limit
 * unbreached. Buying x adds x to the asset's bucket in each dimension and to the total, so:
 * - a maximum on the asset's own bucket (share v/T) bounds x by (L·T − v)/(1 − L);
 * - a minimum on any other value (share w/T) bounds x by w/L − T, since its share falls;
 * - a minimum over every value of a dimension in which the asset brings a new value needs
 *   x/(T + x) ≥ L, a lower bound: when it exceeds the upper bound no amount fits (0, that limit).
 * A limit the book already breaches that the purchase makes worse allows 0; one it breaches that
 * the purchase does not make worse (a maximum on another value, a minimum on the asset's own) is
 * not held against it. The binding limit is the one with the smallest bound, the first on ties.
 */
export function maxAcquisition(
  result: ExposureResult,
  limits: readonly Limit[],
  asset: AcquisitionAsset,
): MaxAcquisition {
  const total = result.totalPortfolioValue;
  const present = bucketIndex(result.exposures);
  let upper: { x: number; binding: BindingLimit } | null = null;
  let lower: { x: number; binding: BindingLimit } | null = null;
  for (const limit of limits) {
    if (!limit.isActive || !isShareLimit(limit)) continue;
    const own = bucketOf(asset, limit.dimensionType);
    const share = limit.thresholdPct / 100;
    const bound = (x: number, dimensionValue: string) => {
      const binding = {
        thresholdId: limit.id,
        dimensionType: limit.dimensionType,
        dimensionValue,
        thresholdType: limit.thresholdType,
        thresholdPct: limit.thresholdPct,
      };
      const amount = Math.max(0, x);
      if (upper === null || amount < upper.x) upper = { x: amount, binding };
    };
    const covered = applicableExposures(limit, result.exposures);
    // A limit on every value of a dimension covers the asset's value once it is bought.
    const ownIsNew = limit.dimensionValue === null && own !== UNKNOWN && !present.has(key(limit.dimensionType, own));
    if (ownIsNew && !covered.some((c) => c.dimensionValue === own))
      covered.push({ dimensionValue: own, exposurePct: 0 });
    for (const { dimensionValue, exposurePct } of covered) {
      const value = present.get(key(limit.dimensionType, dimensionValue))?.exposureValue ?? 0;
      const breached = isBreached(exposurePct, limit.thresholdPct, limit.thresholdType);
      if (limit.thresholdType === "maximum") {
        // Only the asset's own bucket grows; a share of 100 % stays 100 %: not made worse.
        if (dimensionValue !== own || share >= 1) continue;
        if (breached) {
          if (value < total) bound(0, dimensionValue);
          continue;
        }
        bound(floorCents(amountToShare(value, total, share)), dimensionValue);
      } else if (dimensionValue !== own) {
        // Another value's share falls as the total grows (unless it holds nothing: it stays 0 %);
        // one already below its minimum gets a bound below 0, that is 0.
        if (share <= 0 || value <= 0) continue;
        bound(floorCents(value / share - total), dimensionValue);
      } else if (ownIsNew && share > 0) {
        // The asset brings this value into the book at x / (T + x), which must reach the minimum.
        const x = share >= 1 ? (total > 0 ? Number.POSITIVE_INFINITY : 0) : ceilCents(amountToShare(0, total, share));
        const binding = {
          thresholdId: limit.id,
          dimensionType: limit.dimensionType,
          dimensionValue,
          thresholdType: limit.thresholdType,
          thresholdPct: limit.thresholdPct,
        };
        if (x > 0 && (lower === null || x > lower.x)) lower = { x, binding };
      }
    }
  }
  const up = upper as { x: number; binding: BindingLimit } | null;
  const low = lower as { x: number; binding: BindingLimit } | null;
  if (low && (up === null ? !Number.isFinite(low.x) : low.x > up.x)) return { maxValue: 0, binding: low.binding };
  return up ? { maxValue: up.x, binding: up.binding } : { maxValue: null, binding: null };
}

export {
  compareToDefinitions,
  compareToLimits,
  type DefinitionComparison,
  type LimitComparison,
  type LimitDefinition,
} from "./compare";
export { computeConcentration, EMPTY_CONCENTRATION } from "./concentration";
export { buildDials, buildSeries, type Dial, type DialRule, type DialValue, type SeriesPoint } from "./dashboard";
export {
  bucketsFor,
  computeExposures,
  computeExposuresFromGroups,
  type GroupedPositions,
  type PositionGroup,
  topValues,
} from "./exposures";
export {
  computeFirmExposures,
  type FirmExposure,
  type FirmRollup,
  type FundExposures,
  type FundHolding,
  type FundShare,
} from "./firm";
export {
  basisBuckets,
  compactMoney,
  defaultBandPp,
  evaluateLimits,
  evaluateRule,
  type Measurement,
  measureRule,
} from "./limit-kinds";
export {
  applicableExposures,
  isBreached,
  LIMIT_EPSILON_PP,
  limitAppliesTo,
  limitStatus,
} from "./limits";
export * from "./normalize";
export { largestChanges, previousQuarterEnd, previousQuarterRun } from "./report";
export {
  type AcquisitionAsset,
  applyScenario,
  type BindingLimit,
  type BreachChange,
  type BreachChangeKind,
  breachChanges,
  bucketOf,
  type CapacityRow,
  capacity,
  type ExposureChange,
  evaluateScenario,
  evaluateScenarioOnGroups,
  exposureChanges,
  type MaxAcquisition,
  maxAcquisition,
  movedByShocks,
  namedPositionIds,
  parseShocks,
  parseTrades,
  type ScenarioEvaluation,
  type ScenarioIssue,
  type Shock,
  type Trade,
  type Verdict,
  verdictOf,
} from "./scenario";
export { generateSyntheticPositions } from "./synthetic";
export { analyzeTrend, type TrendAnalysis, type TrendPoint } from "./trend";
export * from "./types";
export { describeValue, parseMoney, parseText, parseWholeNumber } from "./values";
export { vintageBucket, vintageDecade } from "./vintage";

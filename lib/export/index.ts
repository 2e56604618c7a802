export {
  EXPOSURE_CSV_COLUMNS,
  exposuresToCsv,
  exposuresToJson,
  exposuresToXlsx,
  type ExposureSnapshot,
  type ExposuresJson,
} from "./exposures";
export { positionsToCsv, positionsToJson, positionsToXlsx, type PositionRecord } from "./positions";

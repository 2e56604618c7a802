// The headers other systems write for our columns, recognised without a mapping. Each is a
// header as people write it; matching ignores case, spaces and punctuation, as our own column
// names are matched ("Ownership %" is "ownership"). Only headers that mean one column and
// nothing else are here: "Market" (a metro, or market value?) and "Class" (building class, or a
// share class?) are left for a mapping to say.

import type { PositionColumn } from "@/lib/engine/normalize";

export const COLUMN_SYNONYMS: Readonly<Record<PositionColumn, readonly string[]>> = {
  position_id: ["Position Number", "Position No", "Pos ID", "Investment ID"],
  asset_id: ["Asset", "Asset Name", "Asset Code", "Property", "Property Name", "Property ID", "Property Code"],
  msa_id: ["Metro", "Metro Area", "Metro Name", "MSA", "MSA Code", "MSA Name", "CBSA", "CBSA Code", "CBSA Title"],
  strategy: ["Investment Strategy", "Strategy Type", "Investment Style", "Risk Profile"],
  state: ["ST", "State Code", "Property State"],
  vintage: ["Year Built", "Built", "Build Year", "Year Constructed", "Construction Year", "Vintage Year"],
  construction_type: ["Construction", "Building Type", "Product Type"],
  rent_band: ["Rent Tier", "Rent Class", "Rent Category", "Rent Level", "Rent Segment"],
  position_value: [
    "Market Value",
    "Value",
    "Fair Value",
    "Fair Market Value",
    "FMV",
    "Valuation",
    "Current Value",
    "Appraised Value",
    "Gross Asset Value",
    "GAV",
  ],
  units: ["Unit Count", "Number of Units", "No of Units", "Num Units", "Total Units", "Unit Total", "Doors"],
  ownership_pct: [
    "Ownership",
    "Ownership %",
    "Ownership Percent",
    "Ownership Percentage",
    "Ownership Share",
    "Percent Owned",
    "% Owned",
  ],
};

-- Region (issue 10): NCREIF's four regions, a dimension derived from each position's state
-- (lib/engine/regions.ts holds the table and its source). A run computed from now on stores its
-- region buckets; runs stored before get theirs here, summed from their state buckets, so region
-- trends and limits read the history too. States in no region (PR) and unknown states fall in
-- `unknown`. Each run's region concentration is computed from these rows when the run is read.
INSERT INTO "exposures" ("run_id", "dimension_type", "dimension_value", "exposure_value", "exposure_pct",
                         "position_count", "exposure_units", "units_count")
SELECT g."run_id", 'region', g."region", g."value",
       CASE WHEN r."total_portfolio_value" > 0
            THEN (g."value" / r."total_portfolio_value" * 100)::double precision ELSE 0 END,
       g."positions", g."units", g."units_count"
  FROM (SELECT e."run_id",
               CASE
                WHEN e."dimension_value" IN ('CT', 'ME', 'MA', 'NH', 'NJ', 'NY', 'PA', 'RI', 'VT', 'DE', 'DC', 'KY', 'MD', 'NC', 'SC', 'VA', 'WV') THEN 'east'
                WHEN e."dimension_value" IN ('IL', 'IN', 'MI', 'OH', 'WI', 'IA', 'KS', 'MN', 'MO', 'NE', 'ND', 'SD') THEN 'midwest'
                WHEN e."dimension_value" IN ('AL', 'FL', 'GA', 'MS', 'TN', 'AR', 'LA', 'OK', 'TX') THEN 'south'
                WHEN e."dimension_value" IN ('AZ', 'CO', 'ID', 'MT', 'NV', 'NM', 'UT', 'WY', 'AK', 'CA', 'HI', 'OR', 'WA') THEN 'west'
                ELSE 'unknown'
               END AS "region",
               SUM(e."exposure_value") AS "value", SUM(e."position_count")::integer AS "positions",
               SUM(e."exposure_units") AS "units", SUM(e."units_count")::integer AS "units_count"
          FROM "exposures" e
         WHERE e."dimension_type" = 'state'
           AND NOT EXISTS (SELECT 1 FROM "exposures" x
                            WHERE x."run_id" = e."run_id" AND x."dimension_type" = 'region')
         GROUP BY 1, 2) g
  JOIN "exposure_runs" r ON r."id" = g."run_id";

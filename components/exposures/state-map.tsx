import { Card } from "@/components/ui/card";
import { formatMoney, formatPct } from "@/lib/display/format";
import { REGION_LABELS, regionOf } from "@/lib/engine/regions";
import { UNKNOWN } from "@/lib/engine/types";
import { stateByCode } from "@/lib/reference/us-states";
import type { ExposureRow } from "./exposure-rows";
import { MapHover } from "./map-hover";
import { MAP_VIEWBOX, stateShapes } from "./state-shapes";

const CLASSES = 5;

// Five equal classes from 0 to the largest share, each a mix of the two ends of the map palette.
function classOf(pct: number, maxPct: number): number {
  return Math.min(CLASSES - 1, Math.floor((pct / maxPct) * CLASSES));
}

function classFill(k: number): string {
  return `color-mix(in srgb, var(--map-high) ${Math.round((k / (CLASSES - 1)) * 100)}%, var(--map-low))`;
}

const describe = (name: string, code: string, row: ExposureRow | undefined) =>
  `${name} (${code}): ${row ? `${formatPct(row.exposurePct)} · ${formatMoney(row.exposureValue)}` : "no exposure"}`;

/**
 * Choropleth of exposure % by state, drawn on the server; only the hover tooltip runs in the
 * browser. With `by="region"` the rows are regions and each state takes its NCREIF region's share.
 */
export function StateMap({ rows, by = "state" }: { rows: readonly ExposureRow[]; by?: "state" | "region" }) {
  const held = new Map(rows.filter((r) => r.positionCount > 0).map((r) => [r.value, r]));
  const maxPct = Math.max(0, ...[...held.values()].filter((r) => r.value !== UNKNOWN).map((r) => r.exposurePct));
  const shapes = stateShapes();
  const drawn = new Set(shapes.map((s) => s.code));
  const offMap = by === "state" ? [...held.values()].filter((r) => r.value !== UNKNOWN && !drawn.has(r.value)) : [];
  const step = maxPct / CLASSES;
  const rowOf = (code: string) => {
    if (by === "state") return held.get(code);
    const region = regionOf(code);
    return region === null ? undefined : held.get(region);
  };
  const nameOf = (name: string, code: string) => {
    const region = by === "region" ? regionOf(code) : null;
    return region ? `${name}, ${REGION_LABELS[region]} region` : name;
  };

  return (
    <Card title={by === "state" ? "Exposure by state" : "Exposure by region"}>
      <MapHover>
        {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a fieldset; the states are a labelled group of images. */}
        <svg
          viewBox={MAP_VIEWBOX}
          role="group"
          aria-label={
            by === "state"
              ? "Map of the United States, states shaded by share of portfolio value"
              : "Map of the United States, each state shaded by its NCREIF region's share of portfolio value"
          }
          className="mx-auto h-auto w-full max-w-4xl"
          data-testid="state-map"
          data-by={by}
        >
          {shapes.map((shape) => {
            const row = rowOf(shape.code);
            const text = describe(nameOf(shape.name, shape.code), shape.code, row);
            const fill = row && maxPct > 0 ? classFill(classOf(row.exposurePct, maxPct)) : "var(--map-empty)";
            return (
              // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a state's shape is an image with its own label; nothing on it is interactive.
              <path
                key={shape.code}
                d={shape.d}
                data-state={shape.code}
                data-region={by === "region" ? (regionOf(shape.code) ?? UNKNOWN) : undefined}
                role="img"
                aria-label={text}
                style={{ fill }}
                stroke="var(--color-surface)"
                strokeWidth={0.75}
              />
            );
          })}
        </svg>
      </MapHover>
      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-muted" data-testid="map-legend">
        <span className="font-medium text-text">Share of value</span>
        <span className="inline-flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="inline-block h-3 w-4 rounded-sm border border-border"
            style={{ background: "var(--map-empty)" }}
          />
          none
        </span>
        {maxPct > 0 &&
          Array.from({ length: CLASSES }, (_, k) => (
            <span key={k} className="inline-flex items-center gap-1.5">
              <span
                aria-hidden="true"
                className="inline-block h-3 w-4 rounded-sm"
                style={{ background: classFill(k) }}
              />
              {k === 0 ? "up to" : formatPct(step * k)}
              {k === 0 ? ` ${formatPct(step)}` : `–${formatPct(step * (k + 1))}`}
            </span>
          ))}
      </div>
      {offMap.length > 0 && (
        <p className="mt-2 text-xs text-muted">
          Not on the map: {offMap.map((r) => describe(stateByCode(r.value)?.name ?? r.value, r.value, r)).join("; ")}.
        </p>
      )}
    </Card>
  );
}

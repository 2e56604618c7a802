import type { LimitStatus } from "@/lib/engine/types";

const STATUS_COLOUR: Record<LimitStatus | "none", string> = {
  within: "var(--color-within)",
  near: "var(--color-near)",
  breach: "var(--color-breach)",
  none: "var(--chart-8)",
};

const CX = 100;
const CY = 100;
const R = 80;
const STROKE = 16;

/** The point at fraction `f` (0 = left end, 1 = right end) of the upper semicircle of radius r. */
function point(f: number, r = R): [number, number] {
  const angle = Math.PI * (1 - Math.min(1, Math.max(0, f)));
  return [CX + r * Math.cos(angle), CY - r * Math.sin(angle)];
}

function arc(from: number, to: number, r = R): string {
  const [x0, y0] = point(from, r);
  const [x1, y1] = point(to, r);
  return `M ${x0.toFixed(2)} ${y0.toFixed(2)} A ${r} ${r} 0 0 1 ${x1.toFixed(2)} ${y1.toFixed(2)}`;
}

/** The target band's ring, just outside the gauge's arc. */
const BAND_R = R + STROKE / 2 + 5;

/**
 * The scale a dial is drawn on: up to 125 % of the limit (so the limit sits at four fifths of the
 * arc), stretched when the exposure is beyond that; 0–100 % without a limit.
 */
export function gaugeScaleMax(valuePct: number, limitPct: number | null): number {
  if (limitPct === null || limitPct <= 0) return 100;
  return Math.max(limitPct * 1.25, valuePct);
}

export interface GaugeProps {
  valuePct: number;
  limitPct: number | null;
  /** A target and its band, drawn as a thin arc outside the gauge with a tick at the target. */
  band?: { targetPct: number; bandPp: number } | null;
  status: LimitStatus | "none";
  /** What the screen reader hears, e.g. "State: TX at 25.9 %, limit 35 %, within". */
  label: string;
  /** Big number in the middle, already formatted. */
  display: string;
}

/** A semicircular gauge: the arc fills to the exposure, a tick marks the limit. Colours from CSS variables. */
export function Gauge({ valuePct, limitPct, band = null, status, label, display }: GaugeProps) {
  const max = gaugeScaleMax(valuePct, limitPct ?? (band ? band.targetPct + band.bandPp : null));
  const fill = max > 0 ? valuePct / max : 0;
  const limitAt = limitPct === null ? null : limitPct / max;
  const [tx0, ty0] = limitAt === null ? [0, 0] : point(limitAt, R - STROKE / 2 - 5);
  const [tx1, ty1] = limitAt === null ? [0, 0] : point(limitAt, R + STROKE / 2 + 5);
  return (
    <svg viewBox="0 0 200 112" role="img" aria-label={label} className="h-auto w-full max-w-[220px]">
      <title>{label}</title>
      <path d={arc(0, 1)} fill="none" stroke="var(--chart-grid)" strokeWidth={STROKE} strokeLinecap="butt" />
      {fill > 0 && (
        <path d={arc(0, fill)} fill="none" stroke={STATUS_COLOUR[status]} strokeWidth={STROKE} strokeLinecap="butt" />
      )}
      {limitAt !== null && (
        <line
          x1={tx0}
          y1={ty0}
          x2={tx1}
          y2={ty1}
          stroke="var(--color-text)"
          strokeWidth={3}
          strokeLinecap="round"
          data-testid="gauge-limit"
        />
      )}
      {band !== null && max > 0 && (
        <g data-testid="gauge-band">
          <path
            d={arc(
              Math.max(0, (band.targetPct - band.bandPp) / max),
              Math.min(1, (band.targetPct + band.bandPp) / max),
              BAND_R,
            )}
            fill="none"
            stroke="var(--color-within)"
            strokeWidth={4}
            strokeLinecap="butt"
          />
          <line
            x1={point(band.targetPct / max, R - STROKE / 2 - 5)[0]}
            y1={point(band.targetPct / max, R - STROKE / 2 - 5)[1]}
            x2={point(band.targetPct / max, BAND_R + 4)[0]}
            y2={point(band.targetPct / max, BAND_R + 4)[1]}
            stroke="var(--color-text)"
            strokeWidth={2}
            strokeDasharray="3 2"
          />
        </g>
      )}
      <text x={CX} y={CY - 14} textAnchor="middle" fontSize="26" fontWeight="600" fill="var(--color-text)">
        {display}
      </text>
      <text x={CX - R} y={CY + 11} textAnchor="middle" fontSize="10" fill="var(--color-muted)">
        0
      </text>
      <text x={CX + R} y={CY + 11} textAnchor="middle" fontSize="10" fill="var(--color-muted)">
        {`${Math.round(max)} %`}
      </text>
    </svg>
  );
}

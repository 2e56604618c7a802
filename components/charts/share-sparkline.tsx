import { formatPct } from "@/lib/display/format";

export interface SharePoint {
  asOfDate: string;
  exposurePct: number;
}

const W = 260;
const H = 100;
const PAD = { left: 32, right: 44, top: 10, bottom: 20 };

/** The top of the axis: the highest point rounded up to a step of 5 (10 above 50), never over 100. */
export function sparklineMax(points: readonly SharePoint[]): number {
  const highest = Math.max(0, ...points.map((p) => p.exposurePct));
  const step = highest > 50 ? 10 : 5;
  return Math.min(100, Math.max(step, Math.ceil(highest / step) * step));
}

function shortDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  return date.toLocaleDateString("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
}

/**
 * A value's share over as-of dates, in plain SVG with a fixed viewBox: it draws the same on screen
 * and on paper (a ResponsiveContainer measures its box, which print layout can collapse to zero).
 * Points are spaced by date; the last one is labelled.
 */
export function ShareSparkline({
  points,
  label,
  color = "var(--chart-1)",
}: {
  points: readonly SharePoint[];
  label: string;
  color?: string;
}) {
  const max = sparklineMax(points);
  const times = points.map((p) => Date.parse(`${p.asOfDate}T00:00:00Z`));
  const first = times[0] ?? 0;
  const span = (times[times.length - 1] ?? first) - first;
  const x = (t: number) => PAD.left + (span > 0 ? ((t - first) / span) * (W - PAD.left - PAD.right) : 0);
  const y = (pct: number) => PAD.top + (1 - pct / max) * (H - PAD.top - PAD.bottom);
  const xy = points.map((p, i) => [x(times[i] ?? first), y(p.exposurePct)] as const);
  const last = points[points.length - 1];
  const lastXy = xy[xy.length - 1];
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} className="h-auto w-full">
      <title>{label}</title>
      {[0, max].map((tick) => (
        <g key={tick}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} stroke="var(--chart-grid)" />
          <text x={PAD.left - 4} y={y(tick) + 3} textAnchor="end" fontSize="9" fill="var(--color-muted)">
            {`${tick} %`}
          </text>
        </g>
      ))}
      {xy.length > 1 && (
        <polyline
          points={xy.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(" ")}
          fill="none"
          stroke={color}
          strokeWidth={2}
          strokeLinejoin="round"
        />
      )}
      {xy.map(([px, py], i) => (
        <circle key={points[i]?.asOfDate} cx={px} cy={py} r={2.5} fill={color} />
      ))}
      {last && lastXy && (
        <text x={lastXy[0] + 5} y={lastXy[1] + 3} fontSize="10" fontWeight="600" fill="var(--color-text)">
          {formatPct(last.exposurePct)}
        </text>
      )}
      {points[0] && (
        <text x={PAD.left} y={H - 6} fontSize="9" fill="var(--color-muted)">
          {shortDate(points[0].asOfDate)}
        </text>
      )}
      {last && points.length > 1 && (
        <text x={W - PAD.right} y={H - 6} textAnchor="end" fontSize="9" fill="var(--color-muted)">
          {shortDate(last.asOfDate)}
        </text>
      )}
    </svg>
  );
}

import { Card } from "@/components/ui/card";
import { formatCount, formatPct, formatPctExact } from "@/lib/display/format";
import { labelValue } from "@/lib/display/labels";
import type { Concentration, Dimension } from "@/lib/engine/types";
import { DIMENSION_NOUN } from "./labels";

// The usual antitrust reading of an HHI (0–10,000): below 1,500 unconcentrated, above 2,500 highly.
function hhiReading(hhi: number): string {
  if (hhi <= 0) return "no known values";
  if (hhi < 1500) return "unconcentrated";
  if (hhi <= 2500) return "moderately concentrated";
  return "highly concentrated";
}

function Figure({ term, value, exact, note }: { term: string; value: string; exact?: string; note?: string }) {
  return (
    <div className="rounded-md bg-surface-2 px-3 py-2">
      <dt className="text-xs text-muted">{term}</dt>
      <dd className="text-lg font-semibold tabular-nums" title={exact}>
        {value}
      </dd>
      {note && <dd className="line-clamp-2 text-xs text-muted">{note}</dd>}
    </div>
  );
}

/** Top-1, top-3, HHI, effective N and coverage of one dimension (unknown excluded, see the engine). */
export function ConcentrationCard({
  dimension,
  concentration,
  topValue,
}: {
  dimension: Dimension;
  concentration: Concentration;
  topValue: string | null;
}) {
  const c = concentration;
  return (
    <Card title="Concentration" className="lg:self-start">
      <dl data-testid="concentration" className="grid grid-cols-2 gap-2">
        <Figure
          term="Largest value"
          value={formatPct(c.top1Pct)}
          exact={formatPctExact(c.top1Pct)}
          note={topValue ? labelValue(dimension, topValue) : undefined}
        />
        <Figure term="Top 3" value={formatPct(c.top3Pct)} exact={formatPctExact(c.top3Pct)} />
        <Figure term="HHI" value={formatCount(c.hhi)} exact={c.hhi.toFixed(4)} note={hhiReading(c.hhi)} />
        <Figure
          term="Effective N"
          value={c.effectiveN.toFixed(1)}
          exact={String(c.effectiveN)}
          note={`of ${formatCount(c.count)} ${c.count === 1 ? DIMENSION_NOUN[dimension].one : DIMENSION_NOUN[dimension].many}`}
        />
        <Figure
          term="Coverage"
          value={formatPct(c.coveragePct)}
          exact={formatPctExact(c.coveragePct)}
          note={`value with a known ${DIMENSION_NOUN[dimension].one}`}
        />
      </dl>
      <p className="mt-3 text-xs text-muted">
        HHI and effective N use shares of the known value; positions without a known {DIMENSION_NOUN[dimension].one}{" "}
        only lower the coverage.
      </p>
    </Card>
  );
}

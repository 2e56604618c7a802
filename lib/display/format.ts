// Numbers for people: compact money and one-decimal percentages on screen; exact values go in
// tooltips (formatMoneyExact, formatPctExact) and exports. Rounding happens only here.

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const exactMoney = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const wholeMoney = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
// Made once: toLocaleDateString with options builds a new formatter on every call, which was a
// fifth of the overview page's own render time.
const calendarDate = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});
const dateTime = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** $12.4M, $950K, $1.2B; under $1,000 in whole dollars. */
export function formatMoney(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  if (Math.abs(value) < 1000) return wholeMoney.format(value);
  return `${value < 0 ? "-" : ""}$${compact.format(Math.abs(value))}`;
}

/** $12,400,000.00 */
export function formatMoneyExact(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return exactMoney.format(value);
}

/** 34.2 % (a thin space before the sign); "<0.1 %" for tiny non-zero shares. */
export function formatPct(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const threshold = 10 ** -digits;
  if (value > 0 && value < threshold) return `<${threshold.toFixed(digits)} %`;
  return `${value.toFixed(digits)} %`;
}

/** Unrounded, for tooltips: 34.2345678 % */
export function formatPctExact(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${Number(value.toPrecision(12))} %`;
}

/** +2.3 pp / −1.0 pp: differences of percentages are percentage points. */
export function formatPp(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const sign = value > 0 ? "+" : value < 0 ? "−" : "±";
  return `${sign}${Math.abs(value).toFixed(digits)} pp`;
}

export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return integer.format(value);
}

/** 2025-06-30 → "Jun 30, 2025" (as-of dates are calendar dates: no time zone shift). */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return "—";
  const [y, m, d] = isoDate.slice(0, 10).split("-").map(Number);
  if (!y || !m || !d) return isoDate;
  return calendarDate.format(new Date(Date.UTC(y, m - 1, d)));
}

/** A timestamp in UTC, e.g. "Jun 30, 2025, 14:05 UTC". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${dateTime.format(date)} UTC`;
}

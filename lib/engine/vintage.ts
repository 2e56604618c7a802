// Vintage is reported by decade of the year built: 1987 -> "1980s", 2010 -> "2010s", 1899 -> "1890s".

/** First year of the decade containing `year` (1987 -> 1980). */
export function vintageDecade(year: number): number {
  return Math.floor(year / 10) * 10;
}

/** Decade label for a year built, e.g. "1980s". */
export function vintageBucket(year: number): string {
  return `${vintageDecade(year)}s`;
}

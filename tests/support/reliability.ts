import pg from "pg";
import { computeExposures } from "@/lib/engine/exposures";
import { generateSyntheticPositions } from "@/lib/engine/synthetic";
import type { ExposureResult, Position } from "@/lib/engine/types";
import { positionsToCsv } from "@/lib/export";
import type { AlertDto } from "@/lib/services/alerts";
import type { PositionDto } from "@/lib/services/positions-list";
import type { RunDetail } from "@/lib/services/runs";
import type { AppServer } from "./app-server";
import { HttpClient } from "./http-client";

// What the reliability tests share: portfolios on a server of their own (the client always
// authenticates; the app's roles decide what it may do), and books of positions whose every
// stored state can be recognised.

/** A new portfolio, and a client that works in it. */
export async function createPortfolio(server: AppServer, slug: string): Promise<{ api: HttpClient; id: string }> {
  const admin = new HttpClient(server, undefined, "admin");
  const created = await admin.ok(
    admin.post<{ id: string }>("/api/portfolios", { slug, name: slug }),
    `create portfolio ${slug}`,
  );
  return { api: new HttpClient(server, slug), id: created.id };
}

/** A synthetic book: the same position ids (P000001…) for every seed, different attributes and values. */
export interface Book {
  seed: number;
  positions: Position[];
  csv: string;
  expected: ExposureResult;
}

export function makeBook(rows: number, seed: number): Book {
  const positions = generateSyntheticPositions(rows, seed);
  return { seed, positions, csv: positionsToCsv(positions), expected: computeExposures(positions) };
}

/** True when the stored positions are exactly the book: same ids, every attribute and value. */
export function isExactly(stored: readonly PositionDto[], book: Book): boolean {
  if (stored.length !== book.positions.length) return false;
  const byId = new Map(stored.map((p) => [p.positionId, p]));
  if (byId.size !== stored.length) return false;
  return book.positions.every((p) => {
    const s = byId.get(p.positionId);
    return (
      s !== undefined &&
      s.assetId === p.assetId &&
      s.msaId === p.msaId &&
      s.strategy === p.strategy &&
      s.state === p.state &&
      s.vintage === p.vintage &&
      s.constructionType === p.constructionType &&
      s.rentBand === p.rentBand &&
      s.units === p.units &&
      Math.abs(s.positionValue - p.positionValue) < 0.005
    );
  });
}

/** True when a stored snapshot is exactly what the engine computes for the book. */
export function snapshotMatches(
  run: Pick<RunDetail, "totalPortfolioValue" | "positionCount" | "exposures">,
  book: Book,
): boolean {
  const expected = book.expected;
  if (
    run.positionCount !== expected.positionCount ||
    Math.abs(run.totalPortfolioValue - expected.totalPortfolioValue) > 0.01
  )
    return false;
  if (run.exposures.length !== expected.exposures.length) return false;
  const key = (e: { dimensionType: string; dimensionValue: string }) => `${e.dimensionType}|${e.dimensionValue}`;
  const stored = new Map(run.exposures.map((e) => [key(e), e]));
  return expected.exposures.every((e) => {
    const s = stored.get(key(e));
    return (
      s !== undefined &&
      s.positionCount === e.positionCount &&
      Math.abs(s.exposureValue - e.exposureValue) < 0.01 &&
      Math.abs(s.exposurePct - e.exposurePct) < 1e-9
    );
  });
}

/** Every alert of the client's portfolio, following nextCursor. */
export async function allAlerts(api: HttpClient): Promise<AlertDto[]> {
  const all: AlertDto[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.ok(
      api.get<{ items: AlertDto[]; nextCursor?: string }>("/api/alerts", { limit: 500, cursor }),
      "list alerts",
    );
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return all;
}

/**
 * Takes the portfolio's lock (lockPortfolio's advisory lock) from a session of the test's own, as
 * a long import would hold it.
 */
export async function holdPortfolioLock(url: string, id: string): Promise<{ release(): Promise<void> }> {
  const session = new pg.Client({ connectionString: url });
  await session.connect();
  await session.query("SELECT pg_advisory_lock(hashtext($1))", [id]);
  return {
    release: async () => {
      await session.query("SELECT pg_advisory_unlock(hashtext($1))", [id]);
      await session.end();
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

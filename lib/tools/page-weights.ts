import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";

export interface PageWeight {
  route: string;
  firstLoadKb: number;
  firstLoadGzipKb: number;
}

interface RouteStats {
  route: string;
  firstLoadUncompressedJsBytes: number;
  firstLoadChunkPaths: string[];
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/**
 * First-load JavaScript per page of the last `next build` (Next 16 no longer prints it), from
 * the build's own .next/diagnostics/route-bundle-stats.json, with gzip sizes of the same chunks.
 */
export async function readPageWeights(dir = ".next"): Promise<PageWeight[]> {
  const stats = JSON.parse(await readFile(`${dir}/diagnostics/route-bundle-stats.json`, "utf8")) as RouteStats[];
  const gzipped = new Map<string, number>();
  const gzipSize = async (chunk: string) => {
    const known = gzipped.get(chunk);
    if (known !== undefined) return known;
    const size = gzipSync(await readFile(chunk)).length;
    gzipped.set(chunk, size);
    return size;
  };
  const weights: PageWeight[] = [];
  for (const route of stats.filter((s) => !s.route.startsWith("/api/") && !s.route.startsWith("/_"))) {
    let gzip = 0;
    for (const chunk of route.firstLoadChunkPaths) gzip += await gzipSize(chunk);
    weights.push({
      route: route.route,
      firstLoadKb: kb(route.firstLoadUncompressedJsBytes),
      firstLoadGzipKb: kb(gzip),
    });
  }
  return weights.sort((a, b) => a.route.localeCompare(b.route));
}

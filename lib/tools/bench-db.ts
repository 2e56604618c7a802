import { benchmarkImport, type ImportBenchmark } from "./bench-copy";
import { benchmarkStoredRun, type StoredRunBenchmark } from "./bench-run-sql";

export interface DatabaseBenchmark {
  /** A CSV import through the importer, against `psql \copy` of the same file (Postgres). */
  import: ImportBenchmark;
  /** A stored run, against its one GROUPING SETS query alone. */
  run: StoredRunBenchmark;
}

/**
 * The stored path on throwaway databases of the configured kind, each figure beside the floor
 * the database itself sets in the same run: an import of `rows` positions, then a run over as many.
 */
export async function benchmarkDatabase(
  rows = 100_000,
  progress: (line: string) => void = () => {},
): Promise<DatabaseBenchmark> {
  return { import: await benchmarkImport(rows, progress), run: await benchmarkStoredRun(rows, progress) };
}

const ENDPOINTS: Array<[string, string]> = [
  ["GET /api/health", "service and database status"],
  ["POST /api/positions/import", "load positions (CSV, JSON, XLSX)"],
  ["GET /api/positions", "stored positions, paged"],
  ["POST /api/exposures/runs", "compute and store exposures for an as-of date"],
  ["GET /api/exposures/latest", "the latest snapshot"],
  ["GET /api/exposures/trend", "one value over time"],
  ["POST /api/exposures/compare", "every value against a limit"],
  ["GET /api/geographic", "MSA and state concentration"],
  ["GET|POST /api/thresholds", "limits"],
  ["GET /api/alerts", "the alert inbox"],
  ["GET /api/exports/exposures", "exposures as CSV, JSON or XLSX"],
];

export default function HomePage() {
  return (
    <main>
      <h1>aker-portfolio</h1>
      <p>Exposure monitoring for multifamily portfolios. The dashboard is on its way; the REST API is live:</p>
      <ul>
        {ENDPOINTS.map(([route, what]) => (
          <li key={route}>
            <code>{route}</code> — {what}
          </li>
        ))}
      </ul>
      <p>
        See the README for the full contract, the TypeScript module and the CLI.
      </p>
    </main>
  );
}

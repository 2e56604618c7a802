import { startAppServer } from "../lib/app-server";

/** One production server on a throwaway database for every spec; specs isolate by portfolio. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startAppServer("aker_e2e");
  process.env.E2E_BASE_URL = server.baseUrl;
  return server.stop;
}

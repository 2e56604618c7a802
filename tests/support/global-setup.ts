import type { TestProject } from "vitest/node";
import { type Role, startAppServer } from "./app-server";

declare module "vitest" {
  export interface ProvidedContext {
    apiBase: string;
    apiAuth: Record<Role, Record<string, string>>;
  }
}

/** Starts the production build on a throwaway database for the API contract tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startAppServer("aker_api");
  project.provide("apiBase", server.baseUrl);
  project.provide("apiAuth", {
    admin: server.headers("admin"),
    manager: server.headers("manager"),
    viewer: server.headers("viewer"),
  });
  return server.stop;
}

// Vitest runs outside Next, where "server-only" has nothing to guard.
export {};

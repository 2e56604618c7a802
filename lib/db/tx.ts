import type { Prisma } from "./generated/client";

export type Tx = Prisma.TransactionClient;

// Imports and runs over a million rows take longer than Prisma's 5 s default, and every writer
// that takes the portfolio lock (limit changes, alert transitions) may queue behind one of them:
// Prisma's 2 s maxWait / 5 s timeout would fail a write that is merely waiting its turn.
export const LONG_TX = { maxWait: 60_000, timeout: 15 * 60_000 } as const;

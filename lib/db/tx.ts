import type { Prisma } from "./generated/client";

export type Tx = Prisma.TransactionClient;

// Imports and runs over a million rows take longer than Prisma's 5 s default.
export const LONG_TX = { maxWait: 60_000, timeout: 15 * 60_000 } as const;

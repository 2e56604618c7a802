import pino from "pino";

// Structured JSON logs: stdout for the server, stderr for the CLI (whose stdout is its answer).
// LOG_LEVEL=silent in tests keeps their output readable.
export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
    base: { service: "aker-portfolio" },
    timestamp: pino.stdTimeFunctions.isoTime,
  },
  pino.destination(process.env.AKER_LOG_STDERR ? 2 : 1),
);

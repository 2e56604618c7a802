import { describe, expect, test } from "vitest";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";

// How any thrown value becomes the one error shape; the database-error shapes are the ones
// Prisma 7 raises through its driver adapters.
describe("errorResponse", () => {
  test.each([
    ["an AppError keeps its code", new AppError("conflict", "nope"), 409, "conflict"],
    ["a unique violation is a conflict", Object.assign(new Error("unique"), { code: "P2002" }), 409, "conflict"],
    ["a raw-query numeric overflow is invalid data", Object.assign(new Error("raw"), { code: "P2010", meta: { code: "22003" } }), 422, "invalid_data"],
    ["a value out of range is invalid data", Object.assign(new Error("range"), { code: "P2020" }), 422, "invalid_data"],
    ["a refused connection is unavailable", Object.assign(new Error("down"), { code: "ECONNREFUSED" }), 503, "unavailable"],
    ["anything else is a 500 that reveals nothing", new Error("secret detail"), 500, "internal"],
  ])("%s", async (_label, error, status, code) => {
    const response = errorResponse(error);
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message).not.toContain("secret");
  });
});

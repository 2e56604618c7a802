import { describe, expect, test } from "vitest";
import { summarizeResult } from "@/components/alerts/result-message";

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const messages = new Map([
  [A, "strategy='value_add' at 40.0%"],
  [B, "state='CA' at 38.0%"],
]);

describe("summarizeResult", () => {
  test.each([
    { label: "one acknowledged", kind: "acknowledge" as const, done: [A], text: "Acknowledged 1 alert." },
    { label: "two resolved", kind: "resolve" as const, done: [A, B], text: "Resolved 2 alerts." },
  ])("$label → success", ({ kind, done, text }) => {
    expect(summarizeResult(kind, { done, failed: [] }, messages)).toEqual({ tone: "success", text });
  });

  test("a partial failure names the alert that failed and why, in words", () => {
    const result = summarizeResult(
      "resolve",
      { done: [A], failed: [{ id: B, status: 409, message: `Alert ${B} is already resolved` }] },
      messages,
    );
    expect(result).toEqual({
      tone: "error",
      text: "Resolved 1 alert; 1 could not be resolved.",
      details: ["state='CA' at 38.0%: it was already resolved"],
    });
  });

  test.each([
    {
      label: "acknowledging a resolved alert",
      kind: "acknowledge" as const,
      status: 409,
      reason: "it is already resolved, so it cannot be acknowledged",
    },
    { label: "a deleted alert", kind: "resolve" as const, status: 404, reason: "it no longer exists" },
    { label: "anything else keeps the server's message", kind: "resolve" as const, status: 500, reason: "boom" },
  ])("all failed, $label", ({ kind, status, reason }) => {
    const result = summarizeResult(kind, { done: [], failed: [{ id: A, status, message: "boom" }] }, messages);
    expect(result.tone).toBe("error");
    expect(result.text).toBe(`1 alert could not be ${kind === "acknowledge" ? "acknowledged" : "resolved"}.`);
    expect(result.details).toEqual([`strategy='value_add' at 40.0%: ${reason}`]);
  });

  test("an id without a known message is named by id", () => {
    const result = summarizeResult("resolve", { done: [], failed: [{ id: "x", status: 404, message: "" }] }, new Map());
    expect(result.details).toEqual(["Alert x: it no longer exists"]);
  });
});

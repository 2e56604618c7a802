import type { AlertActionFailure } from "@/lib/actions/alerts";

// What the toast says after acknowledging or resolving: how many worked, and for each alert that
// did not, which one and why in words (a 409 here nearly always means a run or a colleague got
// there first).

const PAST = {
  acknowledge: "Acknowledged",
  resolve: "Resolved",
  waive: "Waived",
  unwaive: "Ended the waiver of",
} as const;
const VERB_PAST = {
  acknowledge: "acknowledged",
  resolve: "resolved",
  waive: "waived",
  unwaive: "taken off its waiver",
} as const;

const plural = (n: number) => `${n} alert${n === 1 ? "" : "s"}`;

function reason(kind: keyof typeof PAST, failure: AlertActionFailure): string {
  if (failure.status === 409 && kind !== "acknowledge" && kind !== "resolve") return failure.message;
  if (failure.status === 409 && kind === "acknowledge" && failure.message.includes("waived"))
    return "it is waived: end the waiver first";
  if (failure.status === 409)
    return kind === "acknowledge" ? "it is already resolved, so it cannot be acknowledged" : "it was already resolved";
  if (failure.status === 404) return "it no longer exists";
  return failure.message;
}

export function summarizeResult(
  kind: keyof typeof PAST,
  result: { done: readonly string[]; failed: readonly AlertActionFailure[] },
  messages: ReadonlyMap<string, string>,
): { tone: "success" | "error"; text: string; details?: string[] } {
  const done = result.done.length;
  const failed = result.failed.length;
  if (failed === 0) return { tone: "success", text: `${PAST[kind]} ${plural(done)}.` };
  const details = result.failed.map((f) => `${messages.get(f.id) ?? `Alert ${f.id}`}: ${reason(kind, f)}`);
  const verb = VERB_PAST[kind];
  const text =
    done === 0
      ? `${plural(failed)} could not be ${verb}.`
      : `${PAST[kind]} ${plural(done)}; ${failed} could not be ${verb}.`;
  return { tone: "error", text, details };
}

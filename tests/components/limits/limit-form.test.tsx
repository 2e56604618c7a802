import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { LimitForm, type ValueOptions } from "@/components/limits/limit-form";
import { EMPTY_LIMIT_FORM, fromLimit, type LimitFormValues } from "@/components/limits/limit-form-state";
import { LimitsManager } from "@/components/limits/limits-manager";
import type { Role } from "@/lib/auth/roles";
import { limitValueLabel } from "@/lib/display/labels";
import type { PortfolioContext } from "@/lib/services/context";
import { createLimit, type LimitDto, listLimits } from "@/lib/services/limits";
import { withTestDatabase } from "../../support/db";
import { freshPortfolio, limitOf } from "../../support/fixtures";
import { currentRequest, startRequest } from "../../support/next-request";
import { fillJsdomGaps } from "../../support/route-server";
import { type SignedInUser, userWithToken } from "../../support/seed";

// The form calls the real server actions in-process; only Next's request scope is stood in for.
vi.mock("next/headers", async () => (await import("../../support/next-request")).nextHeadersStub());
vi.mock("next/cache", async () => (await import("../../support/next-request")).nextCacheStub());

fillJsdomGaps();
withTestDatabase();

const NO_OPTIONS: ValueOptions = {
  strategy: [],
  state: [],
  msa: [],
  vintage: [],
  construction_type: [],
  rent_band: [],
  region: [],
};

let manager: SignedInUser;
let ctx: PortfolioContext;
let existing: LimitDto;

beforeAll(async () => {
  manager = await userWithToken("manager");
  ctx = await freshPortfolio();
  existing = await createLimit(
    ctx,
    limitOf({ dimensionType: "strategy", dimensionValue: "value_add", thresholdPct: 30, severityLevel: "critical" }),
  );
});

beforeEach(() => startRequest({ token: manager.token, portfolio: ctx.portfolio.slug }));
afterEach(cleanup);

function renderForm(initial: LimitFormValues = EMPTY_LIMIT_FORM, editingId: string | null = null) {
  const onDone = vi.fn();
  render(
    <LimitForm initial={initial} editingId={editingId} valueOptions={NO_OPTIONS} onDone={onDone} onCancel={() => {}} />,
  );
  return {
    user: userEvent.setup(),
    onDone,
    dimension: screen.getByLabelText("Dimension"),
    value: screen.getByLabelText("Value (blank for every value)"),
    threshold: screen.getByLabelText("Threshold (% of portfolio value)"),
    severity: screen.getByLabelText("Severity of its alerts"),
    reference: screen.getByLabelText("Reference"),
    note: screen.getByLabelText("Note"),
    create: screen.getByRole("button", { name: editingId ? "Save changes" : "Create limit" }),
  };
}

/** What a screen reader reads after the control: its error (or hint), without the decorative ✕. */
function describedText(control: HTMLElement): string {
  const ids = control.getAttribute("aria-describedby")?.split(" ") ?? [];
  return ids
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ")
    .replace("✕", "")
    .trim();
}

const stored = async () =>
  (await listLimits(ctx)).items.map((l) => [l.dimensionType, l.dimensionValue, l.thresholdPct, l.severityLevel]);

describe("LimitForm", () => {
  test("shows the shared schema's errors beside each field as you type", async () => {
    const { user, dimension, value, threshold } = renderForm();
    expect(describedText(threshold)).toBe("");

    await user.type(threshold, "150");
    expect(describedText(threshold)).toBe("must be between 0 and 100");
    expect(threshold.getAttribute("aria-invalid")).toBe("true");

    await user.clear(threshold);
    expect(describedText(threshold)).toBe("is required for a share limit");

    await user.type(threshold, "35");
    expect(describedText(threshold)).toBe("");
    expect(threshold.getAttribute("aria-invalid")).toBeNull();

    await user.selectOptions(dimension, "state");
    await user.type(value, "Texas");
    expect(describedText(value)).toBe('state "Texas" is not a US state, DC or PR code');
    await user.clear(value);
    await user.type(value, "tx");
    expect(describedText(value)).toBe("Saved as “TX”.");
  });

  test("submitting with a field left blank names it and sends nothing", async () => {
    const { user, threshold, create, onDone } = renderForm();
    await user.click(create);
    expect(screen.getByTestId("limit-form-message").textContent).toBe("Fix the highlighted fields first.");
    expect(describedText(threshold)).toBe("is required for a share limit");
    expect(onDone).not.toHaveBeenCalled();
    expect(currentRequest.revalidated).toEqual([]);
  });

  test("a duplicate the server refuses: its message, and its error next to the value field", async () => {
    const { user, value, threshold, severity, create, onDone } = renderForm();
    await user.type(value, "Value_Add");
    await user.type(threshold, "25");
    await user.selectOptions(severity, "critical");
    await user.click(create);

    expect((await screen.findByText(/already exists/)).textContent).toBe(
      `A critical maximum limit on strategy='value_add' already exists (${existing.id}); edit it instead.`,
    );
    expect(describedText(value)).toBe("duplicate limit");
    expect(onDone).not.toHaveBeenCalled();
    expect(await stored()).toEqual([["strategy", "value_add", 30, "critical"]]);

    // The server judged the values as sent; changing one clears its verdict.
    await user.selectOptions(severity, "warning");
    expect(describedText(value)).toBe("Saved as “value_add”.");
    expect(screen.getByTestId("limit-form-message").textContent).toBe("");
  });

  test("a valid limit is stored normalised and onDone is called", async () => {
    const { user, dimension, value, threshold, create, onDone } = renderForm();
    await user.selectOptions(dimension, "state");
    await user.type(value, "ca");
    await user.type(threshold, "35");
    await user.click(create);

    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith("Limit created."));
    expect(await stored()).toEqual([
      ["state", "CA", 35, "warning"],
      ["strategy", "value_add", 30, "critical"],
    ]);
    expect(currentRequest.revalidated).toContainEqual(["/limits"]);
  });

  test("a reference and a note are optional, named beside them when too long, and stored trimmed", async () => {
    const { user, dimension, value, threshold, reference, note, create, onDone } = renderForm();
    expect(reference.getAttribute("placeholder")).toBe("e.g. LPA §7.2(b)");
    expect(describedText(note)).toBe(
      "Optional: why the limit is there, who agreed it. Shown with the limit and its alerts; at most 1,000 characters.",
    );
    await user.selectOptions(dimension, "msa");
    await user.type(value, "31080");
    await user.type(threshold, "20");
    await user.click(reference);
    await user.paste("r".repeat(201));
    expect(describedText(reference)).toBe("must be at most 200 characters");
    expect(reference.getAttribute("aria-invalid")).toBe("true");
    await user.clear(reference);
    await user.type(reference, " LPA §7.2(b) ");
    expect(describedText(reference)).toBe("");
    await user.type(note, "Agreed with the LPAC.{Enter}Reviewed each quarter.");
    await user.click(create);

    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith("Limit created."));
    const saved = (await listLimits(ctx)).items.find((l) => l.dimensionValue === "31080");
    expect(saved).toMatchObject({ reference: "LPA §7.2(b)", note: "Agreed with the LPAC.\nReviewed each quarter." });
  });

  test("editing fills them in; emptied, they are cleared", async () => {
    const limit = await createLimit(
      ctx,
      limitOf({
        dimensionType: "state",
        dimensionValue: "TX",
        thresholdPct: 25,
        reference: "LPA §7.2(b)",
        note: "Old",
      }),
    );
    const { user, reference, note, create, onDone } = renderForm(fromLimit(limit), limit.id);
    expect([(reference as HTMLInputElement).value, (note as HTMLTextAreaElement).value]).toEqual([
      "LPA §7.2(b)",
      "Old",
    ]);
    await user.clear(reference);
    await user.type(reference, "LPA §7.2(c)");
    await user.clear(note);
    await user.click(create);

    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith("Limit saved."));
    expect((await listLimits(ctx)).items.find((l) => l.id === limit.id)).toMatchObject({
      thresholdPct: 25,
      reference: "LPA §7.2(c)",
      note: null,
    });
  });
});

describe("LimitsManager", () => {
  test("a viewer sees the limits with why they cannot change them, and no form or buttons", async () => {
    const limits = (await listLimits(ctx)).items.map((l) => ({
      ...l,
      valueLabel: limitValueLabel(l.dimensionType, l.dimensionValue),
    }));
    const signedInAs: Role = "viewer";
    render(<LimitsManager limits={limits} valueOptions={NO_OPTIONS} role={signedInAs} />);
    expect(screen.getByTestId("needs-role").textContent).toContain(
      "Creating and changing limits needs the manager role; you are signed in as a viewer.",
    );
    expect(screen.getAllByTestId("limit-row").length).toBe(limits.length);
    expect(screen.queryByRole("form")).toBeNull();
    expect(screen.queryAllByRole("button")).toEqual([]);
  });

  test("the table shows a limit's reference beside its rule and its note cut short, whole in its title", async () => {
    const note = `Agreed with the LPAC in March 2026; ${"reviewed each quarter; ".repeat(10)}`.trim();
    const limit = await createLimit(
      ctx,
      limitOf({ dimensionType: "vintage", thresholdPct: 40, reference: "LPA §7.2(b)", note }),
    );
    const limits = (await listLimits(ctx)).items.map((l) => ({ ...l, valueLabel: null }));
    const viewer: Role = "viewer";
    render(<LimitsManager limits={limits} valueOptions={NO_OPTIONS} role={viewer} />);
    const row = screen.getAllByTestId("limit-row").find((r) => r.dataset.limitId === limit.id);
    if (!row) throw new Error("the limit has a row");
    expect(within(row).getByTestId("limit-rule").textContent).toBe("at most 40.0 %");
    expect(within(row).getByTestId("limit-reference").textContent).toBe(" · LPA §7.2(b)");
    const shown = within(row).getByTestId("limit-note");
    expect([shown.textContent, shown.getAttribute("title"), shown.className.includes("truncate")]).toEqual([
      note,
      note,
      true,
    ]);
    // A limit without them shows neither.
    expect(screen.getAllByTestId("limit-reference")).toHaveLength(limits.filter((l) => l.reference).length);
    expect(screen.getAllByTestId("limit-note")).toHaveLength(limits.filter((l) => l.note).length);
    expect(limits.filter((l) => !l.reference && !l.note).length).toBeGreaterThan(0);
  });
});

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { UploadPanel } from "@/components/positions/upload-panel";
import type { PortfolioContext } from "@/lib/services/context";
import { listImportBatches, listPositions } from "@/lib/services/positions-list";
import { findLatestRunSummary, todayUtc } from "@/lib/services/runs";
import { withTestDatabase } from "../../support/db";
import { freshPortfolio } from "../../support/fixtures";
import { fixture } from "../../support/import-fixtures";
import { RouterProvider, testRouter } from "../../support/next-request";
import { fillJsdomGaps, type RouteServer, servePageFrom, startRouteServer } from "../../support/route-server";
import { userWithToken } from "../../support/seed";

fillJsdomGaps();
withTestDatabase();

// Row 1 is the header, so data rows are numbered from 2, as a spreadsheet shows them.
const BOOK = [
  "position_id,strategy,state,position_value",
  "P1,value_add,CA,1000000",
  "P2,core,ZZ,2000000",
  "P3,core_plus,TX,1500000",
  "P4,development,NY,-5",
  "P5,core,FL,500000",
].join("\n");

let server: RouteServer;
let ctx: PortfolioContext;

beforeAll(async () => {
  const manager = await userWithToken("manager");
  server = await startRouteServer(manager.token);
  servePageFrom(server, "/positions");
  ctx = await freshPortfolio();
});

afterEach(cleanup);

afterAll(async () => {
  vi.unstubAllGlobals();
  await server.close();
});

function renderPanel() {
  const { router, calls } = testRouter();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <RouterProvider router={router}>
      <QueryClientProvider client={queryClient}>
        <UploadPanel portfolio={ctx.portfolio.slug} />
      </QueryClientProvider>
    </RouterProvider>,
  );
  return { navigation: calls };
}

const stored = async () => (await listPositions(ctx, { limit: 100 })).items.map((p) => p.positionId);

describe("UploadPanel", () => {
  test("a file with bad rows: the preview names them and stores nothing; importing the valid rows stores them", async () => {
    const user = userEvent.setup();
    const { navigation } = renderPanel();

    await user.upload(
      screen.getByLabelText("Positions file (CSV, JSON or XLSX)"),
      new File([BOOK], "book.csv", { type: "text/csv" }),
    );

    const rejected = await screen.findByRole("region", { name: "2 rejected rows" }, { timeout: 15_000 });
    const rows = within(rejected).getAllByTestId("preview-rejected");
    expect(rows.map((r) => within(r).getByRole("rowheader").textContent)).toEqual(["3", "5"]);
    expect(rows.map((r) => within(r).getAllByRole("cell")[0]?.textContent)).toEqual(["state", "position_value"]);
    expect(within(screen.getByTestId("preview-counts")).getByText("Valid").nextSibling?.textContent).toBe("3");
    expect(screen.getByText("Checked book.csv: 3 valid, 2 rejected rows. Nothing stored yet.")).toBeTruthy();
    expect(await stored()).toEqual([]);
    expect(await listImportBatches(ctx)).toEqual([]);

    // The whole file cannot be imported while rows are rejected; the reason is next to the button.
    const importButton = screen.getByRole("button", { name: "Import 3 positions" });
    expect(importButton).toHaveProperty("disabled", true);
    expect(document.getElementById(importButton.getAttribute("aria-describedby") ?? "")?.textContent).toContain(
      '2 rows are rejected. Fix the file and upload it again, or choose "Import valid rows only"',
    );

    await user.click(screen.getByRole("checkbox", { name: /Import valid rows only/ }));
    await user.click(importButton);

    const outcome = await screen.findByTestId("import-outcome", {}, { timeout: 15_000 });
    expect(outcome.textContent).toContain(
      "Imported 3 positions from book.csv (replace); 2 rows rejected and recorded in the import history.",
    );
    expect(outcome.textContent).toContain("Alerts: 0 opened, 0 still open, 0 resolved.");
    expect(await stored()).toEqual(["P1", "P3", "P5"]);
    expect((await listImportBatches(ctx))[0]).toMatchObject({ sourceName: "book.csv", imported: 3, rejectedCount: 2 });
    expect(await findLatestRunSummary(ctx)).toMatchObject({ asOfDate: todayUtc(), positionCount: 3 });
    expect(navigation).toEqual(["refresh"]);
    expect(server.served.map((s) => s.split("?")[0])).toEqual([
      "POST /api/positions/preview",
      "POST /api/positions/import",
      "POST /api/exposures/runs",
    ]);
  });

  test("the preview says how the file was read; Change reads it again, and the import reads it the same way", async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.upload(
      screen.getByLabelText("Positions file (CSV, JSON or XLSX)"),
      new File([fixture("libreoffice-tab-point.txt") as BlobPart], "book.txt", { type: "text/plain" }),
    );
    const line = await screen.findByTestId("file-interpretation", {}, { timeout: 15_000 });
    expect(line.textContent).toBe("Read as tab-separated, decimal comma, UTF-8");
    expect(within(screen.getByTestId("preview-counts")).getByText("Valid").nextSibling?.textContent).toBe("0");

    await user.click(screen.getByRole("button", { name: "Change" }));
    expect((screen.getByLabelText("Separator") as HTMLSelectElement).value).toBe("tab");
    await user.selectOptions(screen.getByLabelText("Numbers"), "Decimal point (1,234.50)");
    await user.click(screen.getByRole("button", { name: "Read again" }));
    await screen.findByText("tab-separated, decimal point, UTF-8", {}, { timeout: 15_000 });
    expect(within(screen.getByTestId("preview-counts")).getByText("Valid").nextSibling?.textContent).toBe("4");

    await user.click(screen.getByRole("checkbox", { name: /Import valid rows only/ }));
    await user.click(screen.getByRole("button", { name: "Import 4 positions" }));
    await screen.findByTestId("import-outcome", {}, { timeout: 15_000 });
    expect(await stored()).toEqual(["P1", "P2", "P3", "P5"]);
    const sent = server.served.filter((s) => s.startsWith("POST /api/positions/")).slice(-2);
    expect(sent.map((s) => new URLSearchParams(s.split("?")[1]).get("decimal"))).toEqual([".", "."]);
    expect(sent.map((s) => new URLSearchParams(s.split("?")[1]).get("delimiter"))).toEqual(["tab", "tab"]);
  });

  test("a workbook of several sheets: a select of its sheets previews the chosen one", async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.upload(
      screen.getByLabelText("Positions file (CSV, JSON or XLSX)"),
      new File([fixture("two-sheets.xlsx") as BlobPart], "funds.xlsx", {
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      }),
    );
    const sheet = (await screen.findByLabelText("Sheet", {}, { timeout: 15_000 })) as HTMLSelectElement;
    expect([...sheet.options].map((o) => o.value)).toEqual(["Fund II", "Fund III"]);
    expect(screen.getByTestId("file-interpretation").textContent).toBe('Read as sheet "Fund II" (1 of 2)');
    await user.selectOptions(sheet, "Fund III");
    await screen.findByText('sheet "Fund III" (2 of 2)', {}, { timeout: 15_000 });
    const sample = screen.getByTestId("preview-sample");
    expect(
      within(sample)
        .getAllByRole("rowheader")
        .map((r) => r.textContent),
    ).toEqual(["2", "3"]);
  });

  test("a file that is not a positions file is refused before anything is sent", async () => {
    const user = userEvent.setup({ applyAccept: false });
    renderPanel();
    const before = server.served.length;
    await user.upload(
      screen.getByLabelText("Positions file (CSV, JSON or XLSX)"),
      new File(["%PDF-1.7"], "book.pdf", { type: "application/pdf" }),
    );
    expect((await screen.findByRole("alert")).textContent).toContain('"book.pdf" is not a CSV, JSON or XLSX file.');
    expect(server.served.length).toBe(before);
  });

  // Last: the mapping it confirms is remembered for this test file's portfolio.
  test("a file without a value column: the columns open, a select maps one, the import remembers it", async () => {
    const user = userEvent.setup();
    renderPanel();
    const refs = "Ref,Gross,Metro\nR1,100,19100\nR2,300,12420\n";
    const upload = () =>
      user.upload(
        screen.getByLabelText("Positions file (CSV, JSON or XLSX)"),
        new File([refs], "refs.csv", { type: "text/csv" }),
      );
    await upload();
    expect((await screen.findByRole("alert", {}, { timeout: 15_000 })).textContent).toContain(
      'missing required column "position_value"',
    );
    const columns = screen.getByTestId("column-mapping");
    expect(columns.hasAttribute("open")).toBe(true);
    expect(within(columns).getByTestId("column-missing").textContent).toContain("position_value is not mapped");
    expect((within(columns).getByLabelText("Metro") as HTMLSelectElement).value).toBe("msa_id");
    expect((within(columns).getByLabelText("Gross") as HTMLSelectElement).value).toBe("");

    await user.selectOptions(within(columns).getByLabelText("Gross"), "position_value");
    const counts = await screen.findByTestId("preview-counts", {}, { timeout: 15_000 });
    expect(within(counts).getByText("Valid").nextSibling?.textContent).toBe("2");
    await user.selectOptions(within(screen.getByTestId("column-mapping")).getByLabelText("Ref"), "position_id");
    await screen.findByText("3 of 3 columns imported", { exact: false }, { timeout: 15_000 });

    await user.click(screen.getByRole("button", { name: "Import 2 positions" }));
    await screen.findByTestId("import-outcome", {}, { timeout: 15_000 });
    expect(await stored()).toEqual(["R1", "R2"]);
    const sent = server.served.filter((s) => s.startsWith("POST /api/positions/import")).at(-1) ?? "";
    expect(JSON.parse(new URLSearchParams(sent.split("?")[1]).get("mapping") ?? "null")).toEqual({
      Gross: "position_value",
      Ref: "position_id",
    });

    // The next upload of the same file: read at once, the choices remembered and shown.
    await upload();
    const again = await screen.findByTestId("column-mapping", {}, { timeout: 15_000 });
    await screen.findByTestId("preview-counts", {}, { timeout: 15_000 });
    expect(again.hasAttribute("open")).toBe(true);
    const rows = within(screen.getByTestId("column-mapping")).getAllByTestId("column-row");
    expect(
      rows.map((r) => [
        r.querySelector("code")?.textContent,
        r.querySelector("select")?.value,
        r.lastChild?.textContent,
      ]),
    ).toEqual([
      ["Ref", "position_id", "remembered"],
      ["Gross", "position_value", "remembered"],
      ["Metro", "msa_id", "recognised"],
    ]);
  });
});

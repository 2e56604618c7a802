import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, test, vi } from "vitest";
import {
  archivePortfolioAction,
  createPortfolioAction,
  renamePortfolioAction,
  unarchivePortfolioAction,
} from "@/lib/actions/portfolios";
import { selectPortfolioAction } from "@/lib/actions/session";
import { listAuditEvents } from "@/lib/services/audit";
import { getPortfolioOrThrow, listPortfolios } from "@/lib/services/portfolios";
import { withTestDatabase } from "../support/db";
import { currentRequest, startRequest } from "../support/next-request";
import { type SignedInUser, userWithToken } from "../support/seed";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeadersStub());
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCacheStub());

// The Admin page's portfolios section: create, rename, archive and unarchive through action().

withTestDatabase();

let admin: SignedInUser;
let manager: SignedInUser;
beforeAll(async () => {
  admin = await userWithToken("admin", "Ada");
  manager = await userWithToken("manager", "Morgan");
});

const asAdmin = () => startRequest({ token: admin.token });
const newSlug = () => `fund-${randomBytes(3).toString("hex")}`;

describe("portfolio actions", () => {
  test.each([
    ["createPortfolioAction", () => createPortfolioAction({ slug: newSlug(), name: "Nope" })],
    ["renamePortfolioAction", () => renamePortfolioAction({ slug: "default", name: "Renamed" })],
    ["archivePortfolioAction", () => archivePortfolioAction({ slug: "default" })],
    ["unarchivePortfolioAction", () => unarchivePortfolioAction({ slug: "default" })],
  ])("%s refuses a manager and changes nothing", async (_, call) => {
    startRequest({ token: manager.token });
    const before = await listPortfolios({ archived: true });
    expect(await call()).toEqual({
      ok: false,
      message: "This needs the admin role; you are signed in as a manager.",
      fieldErrors: {},
    });
    expect(await listPortfolios({ archived: true })).toEqual(before);
  });

  test("create: the same service as POST /api/portfolios; the nav's layout is revalidated; the audit log names the admin", async () => {
    asAdmin();
    const slug = newSlug();
    const result = await createPortfolioAction({ slug, name: "  Fund II " });
    expect(result).toEqual({ ok: true, data: { id: expect.any(String), slug, name: "Fund II" } });
    expect(currentRequest.revalidated).toEqual([["/", "layout"]]);
    expect((await listPortfolios()).map((p) => p.slug)).toContain(slug);
    const [event] = (await listAuditEvents({ limit: 1, action: "portfolio.created" })).items;
    expect(event).toMatchObject({ actorEmail: admin.email, target: slug, details: { name: "Fund II" } });

    asAdmin();
    expect(await createPortfolioAction({ slug, name: "Again" })).toEqual({
      ok: false,
      message: `Portfolio "${slug}" already exists`,
      fieldErrors: { slug: "already exists" },
    });
  });

  test("bad fields are answered beside each field", async () => {
    asAdmin();
    expect(await createPortfolioAction({ slug: "Fund II", name: " " })).toEqual({
      ok: false,
      message: "The portfolio was not created: check the highlighted fields.",
      fieldErrors: { slug: "must be lower-case letters, digits and dashes", name: "is required" },
    });
    asAdmin();
    expect(await renamePortfolioAction({ slug: "default", name: "" })).toEqual({
      ok: false,
      message: "The name was not saved: check the highlighted fields.",
      fieldErrors: { name: "is required" },
    });
  });

  test("rename keeps the slug; archive takes it out of the picker, which refuses it; unarchive brings it back", async () => {
    asAdmin();
    const slug = newSlug();
    await createPortfolioAction({ slug, name: "Fund III" });
    asAdmin();
    expect(await renamePortfolioAction({ slug, name: "Fund III (closed)" })).toMatchObject({
      ok: true,
      data: { slug, name: "Fund III (closed)", archivedAt: null },
    });
    asAdmin();
    const archived = await archivePortfolioAction({ slug });
    expect(archived).toMatchObject({ ok: true, data: { slug, archivedAt: expect.any(String) } });
    expect((await listPortfolios()).map((p) => p.slug)).not.toContain(slug);
    expect((await getPortfolioOrThrow(slug)).name).toBe("Fund III (closed)");

    startRequest({ token: admin.token });
    expect(await selectPortfolioAction({ portfolio: slug })).toEqual({
      ok: false,
      message: `Portfolio "${slug}" is archived`,
      fieldErrors: { portfolio: "archived" },
    });

    asAdmin();
    expect(await unarchivePortfolioAction({ slug })).toMatchObject({ ok: true, data: { archivedAt: null } });
    asAdmin();
    expect(await selectPortfolioAction({ portfolio: slug })).toEqual({ ok: true, data: slug });
  });

  test("the default portfolio cannot be archived", async () => {
    asAdmin();
    expect(await archivePortfolioAction({ slug: "default" })).toEqual({
      ok: false,
      message: "The default portfolio cannot be archived: every request without ?portfolio= works on it.",
      fieldErrors: {},
    });
  });
});

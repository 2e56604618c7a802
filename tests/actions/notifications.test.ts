import { beforeAll, describe, expect, test, vi } from "vitest";
import {
  createChannelAction,
  deleteChannelAction,
  retryDeliveryAction,
  testChannelAction,
  updateChannelAction,
} from "@/lib/actions/notifications";
import { listAuditEvents } from "@/lib/services/audit";
import { listChannels } from "@/lib/services/notify-channels";
import { withTestDatabase } from "../support/db";
import { currentRequest, startRequest } from "../support/next-request";
import { type SignedInUser, userWithToken } from "../support/seed";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeadersStub());
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCacheStub());

withTestDatabase();

const SOME_ID = "00000000-0000-4000-8000-000000000000";
// Loopback, allowed below: the outbound check resolves the host when a channel is saved.
const SLACK = { kind: "slack", name: "Chat", url: "http://127.0.0.1:9/services/T0/B0/XYZ" } as const;
let admin: SignedInUser;
let manager: SignedInUser;

beforeAll(async () => {
  process.env.AKER_WEBHOOK_ALLOW_PRIVATE = "1";
  admin = await userWithToken("admin", "Ada");
  manager = await userWithToken("manager", "Morgan");
});

describe("notification actions", () => {
  test.each([
    ["createChannelAction", () => createChannelAction(SLACK)],
    ["updateChannelAction", () => updateChannelAction({ id: SOME_ID, name: "x" })],
    ["deleteChannelAction", () => deleteChannelAction({ id: SOME_ID })],
    ["testChannelAction", () => testChannelAction({ id: SOME_ID })],
    ["retryDeliveryAction", () => retryDeliveryAction({ id: SOME_ID })],
  ])("%s refuses a manager", async (_, call) => {
    startRequest({ token: manager.token });
    expect(await call()).toEqual({
      ok: false,
      message: "This needs the admin role; you are signed in as a manager.",
      fieldErrors: {},
    });
    expect((await listChannels()).items).toEqual([]);
  });

  test("an admin creates, renames and deletes a channel; the page is revalidated and the audit log names her", async () => {
    startRequest({ token: admin.token });
    const created = await createChannelAction(SLACK);
    if (!created.ok) throw new Error(created.message);
    expect(created.data).toMatchObject({ kind: "slack", name: "Chat", portfolio: null, hasSecret: false });
    expect(await updateChannelAction({ id: created.data.id, name: "Chat ops" })).toMatchObject({
      ok: true,
      data: { name: "Chat ops" },
    });
    // A kind cannot change: the schema names the field.
    expect(await updateChannelAction({ id: created.data.id, kind: "email" } as never)).toMatchObject({
      ok: false,
      fieldErrors: { kind: "cannot be changed; create a channel of the other kind" },
    });
    expect(await deleteChannelAction({ id: created.data.id })).toEqual({ ok: true, data: undefined });
    expect((await listChannels()).items).toEqual([]);
    expect(currentRequest.revalidated).toContainEqual(["/admin/notifications"]);
    const audit = (await listAuditEvents({ limit: 10, action: "channel." })).items;
    expect(audit.map((e) => [e.action, e.actorEmail])).toEqual([
      ["channel.deleted", admin.email],
      ["channel.updated", admin.email],
      ["channel.created", admin.email],
    ]);
  });

  test("an unknown delivery is a not-found answer, not a thrown error", async () => {
    startRequest({ token: admin.token });
    expect(await retryDeliveryAction({ id: SOME_ID })).toEqual({
      ok: false,
      message: `Delivery ${SOME_ID} does not exist`,
      fieldErrors: {},
    });
  });
});

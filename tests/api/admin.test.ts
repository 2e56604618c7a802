import { describe, expect, test } from "vitest";
import { Api, authHeaders, base, newPortfolio } from "@/tests/support/api-client";

const admin = new Api(undefined, "admin");
const asToken = (token: string) => ({ authorization: `Bearer ${token}` });

interface AuditItem {
  actorEmail: string;
  action: string;
  target: string | null;
}

describe("users, API tokens and the audit log", () => {
  test("an admin adds a viewer and a token for them; the token is shown once, works, and stops at revocation", async () => {
    const email = `viewer-${Date.now()}@example.com`;
    const created = await admin.post<{ id: string; role: string }>("/api/admin/users", {
      email,
      name: "New Viewer",
      password: "correct horse battery",
      role: "viewer",
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body.role).toBe("viewer");
    expect(
      (await admin.post("/api/admin/users", { email, name: "Twin", password: "correct horse battery" })).status,
    ).toBe(409);

    const minted = await admin.post<{ id: string; token: string; prefix: string }>("/api/admin/tokens", {
      name: "reporting script",
      userId: created.body.id,
    });
    expect(minted.status, minted.text).toBe(201);
    expect(minted.body.token).toMatch(/^aker_/);
    const listed = await admin.get<{ items: Array<Record<string, unknown>> }>("/api/admin/tokens");
    expect(JSON.stringify(listed.body)).not.toContain(minted.body.token);

    const token = minted.body.token;
    expect((await fetch(`${base}/api/alerts`, { headers: asToken(token) })).status).toBe(200);
    expect(
      (
        await fetch(`${base}/api/exposures/runs`, {
          method: "POST",
          headers: { ...asToken(token), "content-type": "application/json" },
          body: "{}",
        })
      ).status,
    ).toBe(403);

    expect((await admin.delete(`/api/admin/tokens/${minted.body.id}`)).status).toBe(204);
    expect((await fetch(`${base}/api/alerts`, { headers: asToken(token) })).status).toBe(401);
  });

  test("the last admin cannot lose the role", async () => {
    const users = await admin.get<{ items: Array<{ id: string; role: string; email: string }> }>("/api/admin/users");
    const only = users.body.items.filter((u) => u.role === "admin");
    expect(only).toHaveLength(1);
    expect((await admin.patch(`/api/admin/users/${only[0]?.id}`, { role: "viewer" })).status).toBe(409);
  });

  test("imports, limit changes and alert transitions are audited with who did them", async () => {
    const api = await newPortfolio("audit");
    expect((await api.importCsv("position_id,strategy,position_value\nA,value_add,400\nB,core,600\n")).status).toBe(
      201,
    );
    await api.run({ asOfDate: "2025-06-30" });
    const limit = await api.post<{ id: string }>("/api/thresholds", {
      dimensionType: "strategy",
      dimensionValue: "value_add",
      thresholdPct: 30,
    });
    const alerts = await api.get<{ items: Array<{ id: string }> }>("/api/alerts");
    const alertId = alerts.body.items[0]?.id ?? "";
    expect((await api.post(`/api/alerts/${alertId}/acknowledge`, { comment: "on it" })).status).toBe(200);

    const audit = await admin.get<{ items: AuditItem[] }>("/api/admin/audit", { limit: 200 });
    expect(audit.status).toBe(200);
    const mine = audit.body.items.filter(
      (e) => [limit.body.id, alertId].includes(e.target ?? "") || e.action === "positions.imported",
    );
    const manager = "manager@aker.test";
    expect(mine).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: "positions.imported", actorEmail: manager }),
        expect.objectContaining({ action: "limit.created", actorEmail: manager, target: limit.body.id }),
        expect.objectContaining({ action: "alert.opened", target: alertId }),
        expect.objectContaining({ action: "alert.acknowledged", actorEmail: manager, target: alertId }),
      ]),
    );
    // Managers do not see the audit log.
    expect((await fetch(`${base}/api/admin/audit`, { headers: authHeaders.manager })).status).toBe(403);
  });
});

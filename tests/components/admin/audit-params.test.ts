import { describe, expect, test } from "vitest";
import { auditHref, formatAuditDetails, parseAuditState } from "@/components/admin/audit-params";

describe("parseAuditState", () => {
  test.each([
    ["no params", {}, { action: undefined, cursor: undefined }],
    ["a known prefix and cursor", { auditAction: "limit.", auditCursor: "42" }, { action: "limit.", cursor: 42 }],
    ["an unknown prefix", { auditAction: "drop." }, { action: undefined, cursor: undefined }],
    ["a repeated param takes the first", { auditAction: ["user.", "token."] }, { action: "user.", cursor: undefined }],
    ["a zero cursor", { auditCursor: "0" }, { action: undefined, cursor: undefined }],
    ["a negative cursor", { auditCursor: "-3" }, { action: undefined, cursor: undefined }],
    ["a non-numeric cursor", { auditCursor: "12abc" }, { action: undefined, cursor: undefined }],
    ["a cursor beyond int4", { auditCursor: "2147483648" }, { action: undefined, cursor: undefined }],
  ])("%s", (_label, params, expected) => {
    expect(parseAuditState(params)).toEqual(expected);
  });
});

describe("auditHref", () => {
  test.each([
    ["newest, unfiltered", {}, "/admin#audit-log"],
    ["filtered", { action: "alert." as const }, "/admin?auditAction=alert.#audit-log"],
    ["filtered and older", { action: "run." as const, cursor: 7 }, "/admin?auditAction=run.&auditCursor=7#audit-log"],
  ])("%s", (_label, state, expected) => {
    expect(auditHref(state)).toBe(expected);
  });
});

describe("formatAuditDetails", () => {
  test.each([
    ["nothing", null, ""],
    ["plain keys", { email: "a@b.co", role: "admin" }, "email=a@b.co role=admin"],
    ["a value with spaces is quoted", { message: "Strategy over 30 %" }, 'message="Strategy over 30 %"'],
    ["numbers, booleans and null", { imported: 12, dryRun: false, source: null }, "imported=12 dryRun=false source=—"],
    ["nested values as JSON", { rejectedRows: [3, 4] }, "rejectedRows=[3,4]"],
    ["a bare string", "hello", "hello"],
  ])("%s", (_label, details, expected) => {
    expect(formatAuditDetails(details)).toBe(expected);
  });
});

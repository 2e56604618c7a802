import { describe, expect, test } from "vitest";
import {
  type AlertFilters,
  alertsApiUrl,
  DEFAULT_FILTERS,
  filtersToSearch,
  isDefaultFilters,
  parseAlertFilters,
  toAlertQuery,
  withFilter,
} from "@/components/alerts/filters";

describe("parseAlertFilters", () => {
  test.each([
    { label: "no params: the open inbox", params: {}, expected: DEFAULT_FILTERS },
    {
      label: "every filter set",
      params: { status: "resolved", severity: "critical", dimension: "msa" },
      expected: { status: "resolved", severity: "critical", dimension: "msa" },
    },
    { label: "status all", params: { status: "all" }, expected: { ...DEFAULT_FILTERS, status: "all" } },
    {
      label: "case and spaces forgiven",
      params: { status: " Acknowledged ", severity: "WARNING" },
      expected: { status: "acknowledged", severity: "warning", dimension: null },
    },
    { label: "unknown status falls back to open", params: { status: "closed" }, expected: DEFAULT_FILTERS },
    {
      label: "unknown severity and dimension are dropped",
      params: { severity: "info", dimension: "county" },
      expected: DEFAULT_FILTERS,
    },
    { label: "a repeated param is ignored", params: { status: ["active", "resolved"] }, expected: DEFAULT_FILTERS },
    {
      label: "empty strings are no filter",
      params: { status: "", severity: "", dimension: "" },
      expected: DEFAULT_FILTERS,
    },
  ])("$label", ({ params, expected }) => {
    expect(parseAlertFilters(params)).toEqual(expected);
  });

  test("reads URLSearchParams the same way, a repeated key included", () => {
    expect(parseAlertFilters(new URLSearchParams("status=active&dimension=construction_type"))).toEqual({
      status: "active",
      severity: null,
      dimension: "construction_type",
    });
    expect(parseAlertFilters(new URLSearchParams("severity=critical&severity=warning")).severity).toBeNull();
  });
});

describe("filtersToSearch", () => {
  test.each<{ label: string; filters: AlertFilters; search: string }>([
    { label: "defaults give a bare URL", filters: DEFAULT_FILTERS, search: "" },
    { label: "a non-default status", filters: { ...DEFAULT_FILTERS, status: "all" }, search: "?status=all" },
    {
      label: "severity and dimension",
      filters: { status: "open", severity: "warning", dimension: "state" },
      search: "?severity=warning&dimension=state",
    },
    {
      label: "everything",
      filters: { status: "resolved", severity: "critical", dimension: "rent_band" },
      search: "?status=resolved&severity=critical&dimension=rent_band",
    },
  ])("$label → '$search'", ({ filters, search }) => {
    expect(filtersToSearch(filters)).toBe(search);
  });

  test.each<AlertFilters>([
    DEFAULT_FILTERS,
    { status: "acknowledged", severity: "critical", dimension: "vintage" },
    { status: "all", severity: null, dimension: "msa" },
  ])("round-trips through the URL: %o", (filters) => {
    expect(parseAlertFilters(new URLSearchParams(filtersToSearch(filters)))).toEqual(filters);
  });
});

describe("query building", () => {
  test("status all sends no status; unset filters are left out", () => {
    expect(toAlertQuery({ status: "all", severity: null, dimension: null })).toEqual({});
    expect(toAlertQuery({ status: "open", severity: "critical", dimension: "state" })).toEqual({
      status: "open",
      severity: "critical",
      dimensionType: "state",
    });
  });

  test("the API URL carries the filters, the page size and the portfolio", () => {
    const url = new URL(
      alertsApiUrl({ status: "resolved", severity: null, dimension: "msa" }, "fund-2", 100),
      "http://x",
    );
    expect(url.pathname).toBe("/api/alerts");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      status: "resolved",
      dimensionType: "msa",
      limit: "100",
      portfolio: "fund-2",
    });
  });

  test("withFilter changes one field; isDefaultFilters tells the plain inbox", () => {
    const changed = withFilter(DEFAULT_FILTERS, { severity: "warning" });
    expect(changed).toEqual({ status: "open", severity: "warning", dimension: null });
    expect(isDefaultFilters(changed)).toBe(false);
    expect(isDefaultFilters(withFilter(changed, { severity: null }))).toBe(true);
  });
});

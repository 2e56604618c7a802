import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** WCAG 2.0–2.2 level A and AA, and axe's best practices. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** What a finding must not be (issue 12: 0 serious or critical). */
const BLOCKING = new Set(["serious", "critical"]);

/**
 * Scalar's reference (/docs/api) is third-party markup we do not write: its internals are left out
 * of the audit, narrowly (its own root); our page around it (nav, heading, link) is still checked.
 */
const THIRD_PARTY = [".scalar-app"];

/** Waits until every section has streamed in (no skeleton left) and the network is quiet. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  await expect(page.locator(".animate-pulse")).toHaveCount(0, { timeout: 60_000 });
  await page.waitForLoadState("networkidle").catch(() => undefined);
}

/**
 * Runs axe on the page as it stands and prints one summary line ("axe  loaded /limits  serious 0 ·
 * critical 0 · moderate 2 · minor 0"). Returns the blocking findings, one line each, so a spec can
 * audit every page before it fails and its log holds every page's line.
 */
export async function audit(page: Page, name: string): Promise<string[]> {
  await settle(page);
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  for (const selector of THIRD_PARTY) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  const blocking: string[] = [];
  for (const v of violations) {
    const impact = (v.impact ?? "minor") as keyof typeof counts;
    counts[impact] += v.nodes.length;
    if (!BLOCKING.has(impact)) continue;
    for (const node of v.nodes)
      blocking.push(`${name}: ${impact} ${v.id} at ${node.target.join(" ")}: ${node.failureSummary?.split("\n")[1]}`);
  }
  const rules = violations.map((v) => `${v.id}×${v.nodes.length}`).join(" ");
  console.log(
    `axe  ${name.padEnd(42)} serious ${counts.serious} · critical ${counts.critical} · moderate ${counts.moderate} · minor ${counts.minor}${rules ? `  (${rules})` : ""}`,
  );
  return blocking;
}

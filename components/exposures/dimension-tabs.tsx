import Link from "next/link";
import { DIMENSION_LABELS, DIMENSIONS } from "@/lib/display/labels";
import type { Dimension } from "@/lib/engine/types";

/** One tab per dimension; plain links, so each dimension has its own shareable address (`base`/<dimension>). */
export function DimensionTabs({ active, base = "/exposures" }: { active: Dimension; base?: string }) {
  return (
    <nav aria-label="Dimensions" className="mb-6 overflow-x-auto border-b border-border">
      <ul className="flex min-w-max gap-1">
        {DIMENSIONS.map((dimension) => {
          const current = dimension === active;
          return (
            <li key={dimension}>
              <Link
                href={`${base}/${dimension}`}
                aria-current={current ? "page" : undefined}
                data-testid={`dimension-tab-${dimension}`}
                className={`-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium ${
                  current
                    ? "border-accent text-accent"
                    : "border-transparent text-muted hover:border-border hover:text-text"
                }`}
              >
                {DIMENSION_LABELS[dimension]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

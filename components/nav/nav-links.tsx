"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

const LINKS = [
  { href: "/", label: "Overview" },
  { href: "/exposures/strategy", label: "Exposures", match: "/exposures" },
  { href: "/trends", label: "Trends" },
  { href: "/limits", label: "Limits" },
  { href: "/alerts", label: "Alerts" },
  { href: "/positions", label: "Positions" },
];

export function NavLinks({ alertBadge }: { alertBadge: ReactNode }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap items-center gap-1">
      {LINKS.map((link) => {
        const active = link.href === "/" ? pathname === "/" : pathname.startsWith(link.match ?? link.href);
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={active ? "page" : undefined}
              className={`inline-flex items-center rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-accent text-accent-fg" : "text-text hover:bg-surface-2"}`}
            >
              {link.label}
              {link.href === "/alerts" && alertBadge}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

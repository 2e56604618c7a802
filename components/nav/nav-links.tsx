"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

const LINKS: Array<{ href: string; label: string; match?: string }> = [
  { href: "/", label: "Overview" },
  { href: "/exposures/strategy", label: "Exposures", match: "/exposures" },
  { href: "/firm/strategy", label: "Firm", match: "/firm" },
  { href: "/trends", label: "Trends" },
  { href: "/limits", label: "Limits" },
  { href: "/scenarios", label: "Scenarios" },
  { href: "/alerts", label: "Alerts" },
  { href: "/positions", label: "Positions" },
  { href: "/report", label: "Report" },
];

const ADMIN_LINKS: typeof LINKS = [
  { href: "/admin/notifications", label: "Notifications" },
  { href: "/admin", label: "Admin" },
];

export function NavLinks({ alertBadge, admin }: { alertBadge: ReactNode; admin: boolean }) {
  const pathname = usePathname();
  const links = admin ? [...LINKS, ...ADMIN_LINKS] : LINKS;
  // The longest matching prefix is the current page: /admin/notifications is not also Admin.
  const current = links
    .filter((l) => (l.href === "/" ? pathname === "/" : pathname.startsWith(l.match ?? l.href)))
    .sort((a, b) => (b.match ?? b.href).length - (a.match ?? a.href).length)[0];
  return (
    <ul className="flex flex-wrap items-center gap-1">
      {links.map((link) => {
        const active = link === current;
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

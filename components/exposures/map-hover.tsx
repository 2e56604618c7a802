"use client";

import { type PointerEvent, type ReactNode, useRef, useState } from "react";

/**
 * Hover tooltips for a server-rendered SVG: an element marked data-state shows its accessible
 * name (aria-label). No <title> elements: the browser would show its own tooltip on top of this one.
 */
export function MapHover({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<{ text: string; x: number; y: number } | null>(null);

  function move(event: PointerEvent<HTMLDivElement>) {
    const target = (event.target as Element).closest("[data-state]");
    const rect = box.current?.getBoundingClientRect();
    const text = target?.getAttribute("aria-label");
    if (!rect || !text) return setTip(null);
    // Kept inside the box so a tooltip near an edge stays readable on a narrow screen.
    const x = Math.min(Math.max(event.clientX - rect.left, 90), Math.max(rect.width - 90, 90));
    setTip({ text, x, y: event.clientY - rect.top });
  }

  return (
    <div ref={box} className="relative" onPointerMove={move} onPointerLeave={() => setTip(null)}>
      {children}
      {tip && (
        <div
          aria-hidden="true"
          className="pointer-events-none absolute z-10 -translate-x-1/2 whitespace-nowrap rounded-md border border-border bg-surface px-2 py-1 text-xs font-medium shadow-md"
          style={{ left: tip.x, top: tip.y - 36 }}
        >
          {tip.text}
        </div>
      )}
    </div>
  );
}

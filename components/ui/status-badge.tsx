import type { LimitStatus } from "@/lib/engine/types";

// Status is shown by an icon and a word as well as colour, for colour-blind users and screen readers.
const STATUS: Record<LimitStatus | "none", { icon: string; label: string; className: string }> = {
  within: { icon: "✓", label: "Within", className: "bg-within-bg text-within border-within/30" },
  near: { icon: "▲", label: "Near", className: "bg-near-bg text-near border-near/30" },
  breach: { icon: "✕", label: "Breach", className: "bg-breach-bg text-breach border-breach/30" },
  none: { icon: "–", label: "No limit", className: "bg-surface-2 text-muted border-border" },
};

export function StatusBadge({ status, label }: { status: LimitStatus | "none"; label?: string }) {
  const s = STATUS[status];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium ${s.className}`}
    >
      <span aria-hidden="true">{s.icon}</span>
      {label ?? s.label}
    </span>
  );
}

const SEVERITY = {
  critical: { icon: "⬤", className: "bg-breach-bg text-breach border-breach/30" },
  warning: { icon: "▲", className: "bg-near-bg text-near border-near/30" },
} as const;

export function SeverityBadge({ severity }: { severity: string }) {
  const s = SEVERITY[severity === "critical" ? "critical" : "warning"];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium capitalize ${s.className}`}
    >
      <span aria-hidden="true">{s.icon}</span>
      {severity}
    </span>
  );
}

import type { AlertDto } from "@/lib/services/alerts";

// Icon + word, never colour alone. An alert a run closed because the breach cleared reads
// differently from one a person resolved: that is what "auto-resolved" tells the reader.
const STATUS = {
  active: { icon: "●", label: "Active", className: "border-breach/30 bg-surface text-text" },
  acknowledged: { icon: "◐", label: "Acknowledged", className: "border-near/30 bg-surface-2 text-text" },
  waived: { icon: "◇", label: "Waived", className: "border-border bg-surface-2 text-text" },
  resolved: { icon: "✓", label: "Resolved", className: "border-within/30 bg-within-bg text-within" },
  auto: { icon: "↻", label: "Resolved automatically", className: "border-within/30 bg-within-bg text-within" },
} as const;

export function alertStatusKey(alert: Pick<AlertDto, "status" | "resolvedBy">): keyof typeof STATUS {
  if (alert.status === "resolved") return alert.resolvedBy === "auto" ? "auto" : "resolved";
  if (alert.status === "waived") return "waived";
  return alert.status === "acknowledged" ? "acknowledged" : "active";
}

export function AlertStatusBadge({ alert }: { alert: Pick<AlertDto, "status" | "resolvedBy"> }) {
  const key = alertStatusKey(alert);
  const s = STATUS[key];
  return (
    <span
      data-testid="alert-status"
      data-status={key}
      className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium ${s.className}`}
    >
      <span aria-hidden="true">{s.icon}</span>
      {s.label}
    </span>
  );
}

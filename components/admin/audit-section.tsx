import Form from "next/form";
import Link from "next/link";
import { formatDateTime } from "@/lib/display/format";
import { listAuditEvents } from "@/lib/services/audit";
import { buttonClass } from "../ui/button";
import { Card } from "../ui/card";
import { AUDIT_PREFIXES, type AuditState, auditHref, formatAuditDetails } from "./audit-params";
import { tdClass, thClass } from "./form-field";

const PAGE_SIZE = 100;

/** A GET form, so filtering works without JavaScript and the filter lives in the URL. */
function AuditFilter({ action }: { action: AuditState["action"] }) {
  return (
    <Form action="/admin" scroll={false} className="flex flex-wrap items-end gap-2" aria-label="Filter the audit log">
      <div>
        <label htmlFor="audit-action" className="mb-1 block text-xs font-medium text-muted">
          Action
        </label>
        <select
          id="audit-action"
          name="auditAction"
          defaultValue={action ?? ""}
          className="rounded-md border border-border bg-surface px-2 py-1.5 text-sm"
        >
          <option value="">All actions</option>
          {AUDIT_PREFIXES.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass("secondary")}>
        Filter
      </button>
    </Form>
  );
}

export async function AuditSection({ state }: { state: AuditState }) {
  const { items, nextCursor } = await listAuditEvents({ limit: PAGE_SIZE, cursor: state.cursor, action: state.action });
  return (
    <Card title="Audit log" id="audit-log">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <p className="text-sm text-muted">
          Imports, limit changes, alert transitions, users and tokens: newest first, {PAGE_SIZE} per page. Times are
          UTC.
        </p>
        <AuditFilter key={state.action ?? ""} action={state.action} />
      </div>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[56rem] text-sm" data-testid="audit-table">
          <caption className="sr-only">
            Audit log{state.action ? `, actions starting with ${state.action}` : ""}
          </caption>
          <thead>
            <tr className="border-b border-border">
              {["Time", "Actor", "Action", "Target", "Details"].map((h) => (
                <th key={h} scope="col" className={thClass}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.length === 0 && (
              <tr>
                <td colSpan={5} data-testid="audit-empty" className="py-4 text-center text-muted">
                  {state.cursor ? "No older events." : "No events yet."}
                </td>
              </tr>
            )}
            {items.map((e) => (
              <tr
                key={e.id}
                data-testid="audit-row"
                data-action={e.action}
                className="border-b border-border last:border-0"
              >
                <td className={`${tdClass} whitespace-nowrap`}>{formatDateTime(e.at)}</td>
                <td className={`${tdClass} break-all`}>{e.actorEmail}</td>
                <td className={`${tdClass} whitespace-nowrap font-mono text-xs`}>{e.action}</td>
                <td className={`${tdClass} font-mono text-xs`} title={e.target ?? undefined}>
                  {e.target ? `${e.target.slice(0, 8)}${e.target.length > 8 ? "…" : ""}` : "—"}
                </td>
                <td className={`${tdClass} break-words font-mono text-xs text-muted`}>
                  {formatAuditDetails(e.details)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Audit log pages" className="mt-3 flex flex-wrap justify-end gap-2">
        {state.cursor && (
          <Link href={auditHref({ action: state.action })} className={buttonClass("secondary")}>
            Newest
          </Link>
        )}
        {nextCursor && (
          <Link
            href={auditHref({ action: state.action, cursor: Number(nextCursor) })}
            className={buttonClass("secondary")}
            data-testid="audit-older"
          >
            Older <span aria-hidden="true">→</span>
          </Link>
        )}
      </nav>
    </Card>
  );
}

import type { EntryIssue } from "./scenario-state";

/** The server's problems with one entry, beside it: each names its field, as the 422 did. */
export function EntryIssues({ id, issues }: { id: string; issues: readonly EntryIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul id={id} data-testid="entry-issues" className="mt-1 space-y-0.5 text-xs font-medium text-breach">
      {issues.map((issue, i) => (
        <li key={i}>
          <span aria-hidden="true">✕ </span>
          {issue.field ? <code className="font-mono">{issue.field}</code> : "This entry"}: {issue.message}
        </li>
      ))}
    </ul>
  );
}

import { formatDateTime } from "@/lib/display/format";
import { listApiTokens } from "@/lib/services/api-tokens";
import { listUsers } from "@/lib/services/users";
import { Card } from "../ui/card";
import { tdClass, thClass } from "./form-field";
import { NewTokenForm } from "./new-token-form";
import { RevokeToken } from "./revoke-token";

export async function TokensSection({ actorId }: { actorId: string }) {
  const [tokens, users] = await Promise.all([listApiTokens(), listUsers()]);
  return (
    <Card title="API tokens" id="tokens">
      <p className="mb-3 text-sm text-muted">
        A token acts as its user, with that user&apos;s role, in the REST API. Revoking it takes effect at once.
      </p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[48rem] text-sm" data-testid="tokens-table">
          <caption className="sr-only">API tokens</caption>
          <thead>
            <tr className="border-b border-border">
              {["Name", "Prefix", "User", "Created", "Last used", "Status"].map((h) => (
                <th key={h} scope="col" className={thClass}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tokens.length === 0 && (
              <tr>
                <td colSpan={6} data-testid="tokens-empty" className="py-4 text-center text-muted">
                  No API tokens yet.
                </td>
              </tr>
            )}
            {tokens.map((t) => (
              <tr
                key={t.id}
                data-testid="token-row"
                data-name={t.name}
                className={`border-b border-border last:border-0 ${t.revokedAt ? "text-muted" : ""}`}
              >
                <th scope="row" className={`${tdClass} text-left font-medium`}>
                  {t.name}
                </th>
                <td className={`${tdClass} whitespace-nowrap font-mono text-xs`}>{t.prefix}…</td>
                <td className={`${tdClass} break-all`}>{t.userEmail}</td>
                <td className={`${tdClass} whitespace-nowrap`}>{formatDateTime(t.createdAt)}</td>
                <td className={`${tdClass} whitespace-nowrap`}>
                  {t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "Never"}
                </td>
                <td className={tdClass}>
                  {t.revokedAt ? (
                    <span data-testid="token-revoked" className="whitespace-nowrap text-xs">
                      <span aria-hidden="true">⊘ </span>Revoked {formatDateTime(t.revokedAt)}
                    </span>
                  ) : (
                    <RevokeToken id={t.id} name={t.name} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="mb-2 mt-6 text-sm font-semibold">New token</h3>
      <NewTokenForm
        users={users.map((u) => ({ id: u.id, label: `${u.name} <${u.email}> (${u.role})` }))}
        defaultUserId={actorId}
      />
    </Card>
  );
}

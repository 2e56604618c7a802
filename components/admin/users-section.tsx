import { formatDateTime } from "@/lib/display/format";
import { listUsers } from "@/lib/services/users";
import { Card } from "../ui/card";
import { tdClass, thClass } from "./form-field";
import { NewUserForm } from "./new-user-form";
import { RoleSelect } from "./role-select";

export async function UsersSection({ actorId }: { actorId: string }) {
  const users = await listUsers();
  return (
    <Card title="Users" id="users">
      <div className="overflow-x-auto">
        <table className="w-full min-w-[40rem] text-sm" data-testid="users-table">
          <caption className="sr-only">Users and their roles</caption>
          <thead>
            <tr className="border-b border-border">
              {["Name", "Email", "Role", "Created"].map((h) => (
                <th key={h} scope="col" className={thClass}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr
                key={u.id}
                data-testid="user-row"
                data-email={u.email}
                className="border-b border-border last:border-0"
              >
                <th scope="row" className={`${tdClass} text-left font-medium`}>
                  {u.name}
                  {u.id === actorId && <span className="ml-1 text-xs font-normal text-muted">(you)</span>}
                </th>
                <td className={`${tdClass} break-all`}>{u.email}</td>
                <td className={tdClass}>
                  <RoleSelect userId={u.id} email={u.email} role={u.role} />
                </td>
                <td className={`${tdClass} whitespace-nowrap text-muted`}>{formatDateTime(u.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="mb-2 mt-6 text-sm font-semibold">New user</h3>
      <NewUserForm />
    </Card>
  );
}

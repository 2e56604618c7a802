// Who may do what. Roles are ordered: each includes everything the ones before it may do.
//   viewer  — read everything
//   manager — import, compute, limits, acknowledge and resolve alerts
//   admin   — users, roles, API tokens, the audit log
export const ROLES = ["viewer", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function hasRole(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  via: "session" | "token" | "auth-off" | "cli";
}

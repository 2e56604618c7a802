import { isRole, type Role } from "../auth/roles";
import { getAuth } from "../auth/server";
import { getPrisma } from "../db/client";
import { LONG_TX } from "../db/tx";
import { AppError } from "../errors";
import type { UserCreate } from "../schemas";
import { audit } from "./audit";
import type { ActorContext } from "./context";

// Users and their roles: the admin's service (signing in itself is better-auth's).

export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

const toDto = (u: { id: string; email: string; name: string; role: string; createdAt: Date }): UserDto => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: isRole(u.role) ? u.role : "viewer",
  createdAt: u.createdAt.toISOString(),
});

/** Creates a user with an email/password sign-in, the way better-auth's own admin plugin does. */
export async function createUser(actx: ActorContext, data: UserCreate): Promise<UserDto> {
  const ctx = await (await getAuth()).$context;
  if (await ctx.internalAdapter.findUserByEmail(data.email)) {
    throw new AppError("conflict", `A user with email ${data.email} already exists`, [
      { field: "email", message: "already exists" },
    ]);
  }
  const password = await ctx.password.hash(data.password);
  const user = await ctx.internalAdapter.createUser(
    { email: data.email, name: data.name, role: data.role, emailVerified: true },
    { method: "admin" },
  );
  await ctx.internalAdapter.linkAccount({ providerId: "credential", accountId: user.id, userId: user.id, password });
  await audit(await getPrisma(), actx, "user.created", {
    target: user.id,
    details: { email: data.email, role: data.role },
  });
  return toDto({ ...user, role: data.role });
}

export async function countUsers(): Promise<number> {
  return (await getPrisma()).user.count();
}

/** First run: the first account is an admin, and only while there are no users at all. */
export async function createFirstAdmin(input: Omit<UserCreate, "role">): Promise<UserDto> {
  if ((await countUsers()) > 0)
    throw new AppError("conflict", "Setup is done: an admin already exists. Sign in instead.");
  return createUser({ actor: null }, { ...input, role: "admin" });
}

export async function listUsers(): Promise<UserDto[]> {
  const prisma = await getPrisma();
  return (await prisma.user.findMany({ orderBy: { createdAt: "asc" } })).map(toDto);
}

export async function setUserRole(ctx: ActorContext, id: string, role: Role): Promise<UserDto> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id } });
    if (!user) throw new AppError("not_found", `User ${id} does not exist`);
    if (user.role === "admin" && role !== "admin" && (await tx.user.count({ where: { role: "admin" } })) === 1) {
      throw new AppError("conflict", "This is the last admin; make someone else an admin first.", [
        { field: "role", message: "last admin" },
      ]);
    }
    const updated = await tx.user.update({ where: { id }, data: { role } });
    await audit(tx, ctx, "user.role_changed", {
      target: id,
      details: { email: user.email, from: user.role, to: role },
    });
    return toDto(updated);
  }, LONG_TX);
}

export async function findUserByEmail(email: string): Promise<UserDto | null> {
  const user = await (await getPrisma()).user.findUnique({ where: { email: email.toLowerCase() } });
  return user ? toDto(user) : null;
}

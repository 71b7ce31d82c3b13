import { findUsers } from '../../db/personal-data.js';
import type { AdminUser } from '../../schemas/privacy.js';
import type { DomainCtx } from '../context.js';

/** How many users a lookup answers at most: it finds a person, it does not list the program. */
export const USER_LOOKUP_LIMIT = 20;

/** Users an admin is looking for (to export or erase on their behalf), by host id or a part of name, email or host id. */
export async function findUsersForAdmin(
  ctx: DomainCtx,
  f: { tenantId: string; externalId?: string | undefined; q?: string | undefined },
): Promise<AdminUser[]> {
  const rows = await findUsers(ctx.db, { ...f, limit: USER_LOOKUP_LIMIT });
  return rows.map((u) => ({
    id: u.id,
    externalId: u.external_id,
    name: u.name,
    email: u.email,
    roles: u.roles,
    isGuest: u.is_guest,
    createdAt: u.created_at.toISOString(),
    erasedAt: u.erased_at?.toISOString() ?? null,
  }));
}

import type { Actor } from '../domain/actor.js';
import type { Auth } from './env.js';

/** The booking domain's view of the caller. */
export function actorOf(auth: Auth): Actor {
  return {
    tenantId: auth.tenant.id,
    settings: auth.tenant.settings,
    privileged: auth.keyKind === 'secret' || (auth.user?.roles.includes('admin') ?? false),
    user: auth.user ? { id: auth.user.id, externalId: auth.user.externalId } : null,
  };
}

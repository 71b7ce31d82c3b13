import type { TenantSettings } from './tenants/settings.js';

/** Who acts, as domain code sees it: the program (secret key or admin) and/or a signed-in user. */
export interface Actor {
  tenantId: string;
  settings: TenantSettings;
  privileged: boolean;
  user: { id: string; externalId: string } | null;
}

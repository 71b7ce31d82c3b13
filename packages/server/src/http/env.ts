import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { PlatformKeys } from '../domain/lti/platform-keys.js';
import type { SemanticSearch } from '../domain/matching/semantic/semantic-search.js';
import type { TenantSettings } from '../domain/tenants/settings.js';
import type { Lifecycle } from '../lifecycle.js';
import type { RealtimeHub } from '../realtime/hub.js';
import type { SecretBox } from '../security/keys.js';
import type { UserRole } from '../security/user-token.js';

export interface AuthUser {
  id: string;
  externalId: string;
  name: string;
  email: string | null;
  roles: UserRole[];
  isGuest: boolean;
}

export interface AuthTenant {
  id: string;
  name: string;
  allowedOrigins: string[];
  settings: TenantSettings;
}

/** Who is calling: one typed object every handler sees. */
export interface Auth {
  tenant: AuthTenant;
  keyKind: 'secret' | 'publishable';
  /** The SHA-256 of the key as parsed (not the header's spelling): what rate limits count by. */
  keyHash: string;
  /** The key's kind and first characters (`sk_AbCd…`), as lists show it: never the key. */
  keyPrefix: string;
  user: AuthUser | null;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    auth: Auth;
    /** The request's transaction, on routes wrapped in `atomic` (see http/atomic.ts). */
    trx: Kysely<Database> | undefined;
    /** Set by routes whose answer carries a secret (http/secret-answer.ts): never stored in clear. */
    secretAnswer: boolean | undefined;
    /** Set once per request by the app, for middleware declared outside `createApp`. */
    deps: AppDeps;
  };
}

/** What routes and middleware need; passed explicitly so tests build apps freely. */
export interface AppDeps {
  db: Kysely<Database>;
  clock: Clock;
  secretBox: SecretBox;
  /** Wakes SSE streams when events are recorded (realtime/hub.ts). */
  hub: RealtimeHub;
  /** Whether the process is shutting down (`/readyz`). */
  lifecycle: Lifecycle;
  /** Development only (MICROMENTOR_WEBHOOKS_ALLOW_PRIVATE): webhooks to http:// and private addresses. */
  webhooksAllowPrivate?: boolean;
  /** The API's public origin for credential issuer ids (MICROMENTOR_PUBLIC_URL); else the request's. */
  publicUrl?: string | undefined;
  /** The caller's address as the rate limiter derives it (http/rate-limit.ts), for the audit log. */
  clientIp?: ((c: Context<AppEnv>) => string) | undefined;
  /** Matching by meaning (MICROMENTOR_EMBEDDINGS); null or absent: keywords only. */
  semantic?: SemanticSearch | null;
  /** Refusals worth an operator's eye, one structured line each (AppConfig.logWarning). */
  logWarning: (line: Record<string, unknown>) => void;
  /** LTI 1.3: platforms' key sets (fetched and kept), and the key of launch tokens (`lt_…`). */
  lti: { platformKeys: PlatformKeys; launchKey: Buffer };
}

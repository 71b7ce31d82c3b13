// Node-only entry (`@micromentor/sdk/node`): it uses node:crypto and holds helpers that take
// secrets, so it must never end up in a browser bundle.
export type { SignUserTokenOptions } from './user-token.js';
export { MAX_USER_TOKEN_TTL_SECONDS, signUserToken } from './user-token.js';
export type {
  VerifyWebhookOptions,
  WebhookHeaders,
  WebhookVerificationFailure,
} from './webhooks.js';
export { verifyWebhook, WebhookVerificationError } from './webhooks.js';

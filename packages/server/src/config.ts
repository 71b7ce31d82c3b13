import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { VectorSearchSetting } from './db/vector-column.js';
import { onnxFolderProblems } from './domain/matching/semantic/onnx-folder.js';
import { EMBEDDING_SETTINGS, type EmbeddingSetting } from './domain/matching/semantic/provider.js';
import { DEFAULT_RATE_LIMITS, type RateLimitConfig } from './http/rate-limit.js';
import { DEFAULT_STREAM_LIMITS } from './realtime/hub.js';

/** An unset variable may also be set to nothing (`VAR=` in an env file). */
const emptyIsUnset = (value: unknown) => (value === '' ? undefined : value);

/**
 * Signs reply addresses in development when no MICROMENTOR_SECRET_KEY is set (refused in
 * production): addresses it signed stop working once a real secret is set.
 */
export const DEVELOPMENT_REPLY_KEY = 'micromentor-development-reply-key (not secret)';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  MICROMENTOR_DATA_DIR: z.string().default('./.micromentor/data'),
  MICROMENTOR_SECRET_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  MICROMENTOR_WIDGET_FILE: z.string().optional(),
  MICROMENTOR_LOG: z.enum(['json', 'off']).default('json'),
  /** `off` runs an API-only process; jobs are then run by another process on the same database. */
  MICROMENTOR_WORKER: z.enum(['on', 'off']).default('on'),
  /** Development only: let webhooks go to http:// and private, loopback and link-local addresses. */
  MICROMENTOR_WEBHOOKS_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  MICROMENTOR_WORKER_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
  MICROMENTOR_RATE_LIMIT: z.enum(['on', 'off']).default('on'),
  MICROMENTOR_RATE_LIMIT_KEY_IP: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMITS.perKeyIp),
  MICROMENTOR_RATE_LIMIT_USER_WRITES: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_RATE_LIMITS.perUserWrites),
  MICROMENTOR_RATE_LIMIT_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(86_400)
    .default(DEFAULT_RATE_LIMITS.windowSeconds),
  MICROMENTOR_RATE_LIMIT_REFUSED_IP: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMITS.perIpRefused),
  /**
   * How many proxies of ours stand in front: the client is the n-th `X-Forwarded-For` entry
   * from the right. `true`/`on` (the old switch) = 1; `false`/`off`/unset = 0 (the socket).
   */
  MICROMENTOR_TRUST_PROXY: z.preprocess(
    (value) => {
      const text = typeof value === 'string' ? value.trim().toLowerCase() : value;
      if (text === '' || text === undefined || text === 'false' || text === 'off') return 0;
      if (text === 'true' || text === 'on') return 1;
      return text;
    },
    z.coerce
      .number({ message: 'must be a number of proxy hops (0-10), true or false' })
      .int('must be a number of proxy hops (0-10), true or false')
      .min(0, 'must be a number of proxy hops (0-10), true or false')
      .max(10, 'must be a number of proxy hops (0-10), true or false'),
  ),
  /** How long SIGTERM/SIGINT may take: what is still running after it is cut (see main.ts). */
  MICROMENTOR_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** Open live-event streams allowed per user and per API key, in each server process. */
  MICROMENTOR_SSE_MAX_PER_USER: z.coerce.number().int().min(1).default(DEFAULT_STREAM_LIMITS.perUser),
  MICROMENTOR_SSE_MAX_PER_KEY: z.coerce.number().int().min(1).default(DEFAULT_STREAM_LIMITS.perKey),
  /**
   * End-to-end tests only: `1` lets `POST /_test/clock` move this process's clock forward
   * (see test-clock.ts). Refused when NODE_ENV=production.
   */
  MM_TEST_CLOCK: z.enum(['0', '1']).default('0'),
  NODE_ENV: z.string().optional(),
  /**
   * Matching by meaning: the sentence-embedding provider, `onnx:<folder>` (an operator's own ONNX
   * model folder, relative to the working directory or absolute), or `off` (keywords only).
   */
  MICROMENTOR_EMBEDDINGS: z.preprocess(
    emptyIsUnset,
    z
      .union(
        [
          z.enum(EMBEDDING_SETTINGS),
          z
            .string()
            .regex(/^onnx:./)
            .transform((value) => ({
              provider: 'onnx' as const,
              folder: resolve(value.slice('onnx:'.length)),
            }))
            .superRefine((value, ctx) => {
              for (const problem of onnxFolderProblems(value.folder)) {
                ctx.addIssue({
                  code: 'custom',
                  message: `${problem} (an ONNX model folder holds config.json, tokenizer.json, tokenizer_config.json and onnx/model.onnx)`,
                });
              }
            }),
        ],
        { error: 'must be "off", "use-lite" or "onnx:<model folder>"' },
      )
      .default('use-lite'),
  ),
  /** The languages an `onnx:` model understands (primary tags, comma-separated); unset: any. */
  MICROMENTOR_EMBEDDINGS_LANGUAGES: z.preprocess(
    emptyIsUnset,
    z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((tag) => tag.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^[a-z]{2,3}$/, 'must be language tags such as en,es,fr')))
      .default([]),
  ),
  /** Profile vectors held in memory for semantic search, over all tenants (~2 KB each). */
  MICROMENTOR_EMBEDDINGS_MAX_VECTORS: z.coerce.number().int().min(1_000).default(300_000),
  /**
   * Where profile vectors are searched: `auto` in PostgreSQL by pgvector when it offers the
   * `vector` extension, else in this process's memory (always on PGlite, where memory is
   * faster); `memory`; `pgvector` (also on PGlite; refuses to start without the extension).
   */
  MICROMENTOR_VECTOR_SEARCH: z.enum(['auto', 'memory', 'pgvector']).default('auto'),
  /** Outgoing email over SMTP; unset: messages stay in the local mailbox (development). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]/, 'must be an smtp:// or smtps:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** `off`: no email is written at all (then production needs no SMTP_URL). */
  MICROMENTOR_EMAIL: z.enum(['on', 'off']).default('on'),
  /** Who email comes from: `"Program name <noreply@example.org>"`. */
  MICROMENTOR_MAIL_FROM: z.string().trim().min(3).default('Micromentor <noreply@localhost>'),
  /** The API's public origin, e.g. https://api.example.org: names credential issuers. */
  MICROMENTOR_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Reply by email: the port of the inbound SMTP listener; unset: no listener in this process. */
  MICROMENTOR_INBOUND_SMTP_PORT: z.preprocess(
    emptyIsUnset,
    z.coerce
      .number({ message: 'must be a port number (0-65535)' })
      .int('must be a port number (0-65535)')
      .min(0, 'must be a port number (0-65535)')
      .max(65535, 'must be a port number (0-65535)')
      .optional(),
  ),
  MICROMENTOR_INBOUND_SMTP_HOST: z.string().trim().min(1).default('127.0.0.1'),
  /** The domain of reply addresses (`reply+…@<domain>`); set: notifications may carry one. */
  MICROMENTOR_INBOUND_DOMAIN: z.preprocess(
    emptyIsUnset,
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(
        /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/,
        'must be a domain name such as reply.example.org',
      )
      .optional(),
  ),
});

/** Everything the server reads from the environment, validated once at start. */
export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  poolSize: number;
  dataDir: string;
  secretKey: string | undefined;
  widgetFile: string | undefined;
  log: boolean;
  /** Run background jobs in this process. */
  worker: boolean;
  workerPollMs: number;
  webhooksAllowPrivate: boolean;
  /** Rate limits, or false when MICROMENTOR_RATE_LIMIT=off. */
  rateLimit: RateLimitConfig | false;
  /** The bound on a clean shutdown (ms); past it, connections are cut and the process exits. */
  shutdownTimeoutMs: number;
  /** Open live-event streams allowed per user and per key, counted in this process. */
  sseMaxPerUser: number;
  sseMaxPerKey: number;
  /** MM_TEST_CLOCK=1 (end-to-end tests only): the movable clock and its `/_test/clock` route. */
  testClock: boolean;
  /** The API's public origin (credential issuer ids); unset = the origin each request arrived at. */
  publicUrl: string | undefined;
  /** SMTP relay for outgoing email; undefined: the local mailbox. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Write and send email (MICROMENTOR_EMAIL); off: none is written. */
  email: boolean;
  /** Reply by email: the inbound SMTP listener's port (0: any free one); undefined: no listener here. */
  inboundSmtpPort: number | undefined;
  /** Where the inbound listener binds: loopback by default, behind the operator's MTA. */
  inboundSmtpHost: string;
  /**
   * The domain of reply addresses; undefined: reply by email is off (notifications carry no
   * reply address). A process may compose addresses without running the listener.
   */
  inboundDomain: string | undefined;
  /**
   * Signs reply addresses (give it to `replyAddressFor` as `key`): MICROMENTOR_SECRET_KEY, or in
   * development without one DEVELOPMENT_REPLY_KEY. Undefined when reply by email is off.
   */
  replyKey: string | undefined;
  /** MICROMENTOR_EMBEDDINGS: the provider of sentence embeddings for matching by meaning, or `off`. */
  embeddings: EmbeddingSetting;
  /** The semantic index's memory budget in vectors (MICROMENTOR_EMBEDDINGS_MAX_VECTORS). */
  embeddingsMaxVectors: number;
  /** MICROMENTOR_VECTOR_SEARCH: where profile vectors are searched (db/vector-column.ts). */
  vectorSearch: VectorSearchSetting;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  if (e.MM_TEST_CLOCK === '1' && e.NODE_ENV === 'production') {
    throw new Error(
      'Invalid configuration:\n  MM_TEST_CLOCK: the test clock cannot be enabled with NODE_ENV=production',
    );
  }
  if (e.MICROMENTOR_EMAIL === 'on' && !e.SMTP_URL && e.NODE_ENV === 'production') {
    throw new Error(
      'Invalid configuration:\n  SMTP_URL: email is on, and in production it needs a relay ' +
        '(SMTP_URL=smtps://user:pass@smtp.example.org:465), or turn it off with MICROMENTOR_EMAIL=off',
    );
  }
  const inboundProblems = [
    e.MICROMENTOR_INBOUND_SMTP_PORT !== undefined &&
      !e.MICROMENTOR_INBOUND_DOMAIN &&
      '  MICROMENTOR_INBOUND_DOMAIN: is required with MICROMENTOR_INBOUND_SMTP_PORT (the domain of reply addresses)',
    e.MICROMENTOR_INBOUND_DOMAIN &&
      !e.MICROMENTOR_SECRET_KEY &&
      e.NODE_ENV === 'production' &&
      '  MICROMENTOR_SECRET_KEY: is required for reply by email in production (it signs reply addresses)',
  ].filter((line): line is string => typeof line === 'string');
  if (inboundProblems.length > 0) throw new Error(`Invalid configuration:\n${inboundProblems.join('\n')}`);
  return {
    testClock: e.MM_TEST_CLOCK === '1',
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    poolSize: e.DATABASE_POOL_SIZE,
    dataDir: resolve(e.MICROMENTOR_DATA_DIR),
    secretKey: e.MICROMENTOR_SECRET_KEY,
    widgetFile: e.MICROMENTOR_WIDGET_FILE
      ? resolve(e.MICROMENTOR_WIDGET_FILE)
      : fileURLToPath(new URL('../../widget/dist/widget.js', import.meta.url)),
    log: e.MICROMENTOR_LOG === 'json',
    worker: e.MICROMENTOR_WORKER === 'on',
    workerPollMs: e.MICROMENTOR_WORKER_POLL_MS,
    webhooksAllowPrivate: e.MICROMENTOR_WEBHOOKS_ALLOW_PRIVATE === 'true',
    rateLimit:
      e.MICROMENTOR_RATE_LIMIT === 'on'
        ? {
            perKeyIp: e.MICROMENTOR_RATE_LIMIT_KEY_IP,
            perUserWrites: e.MICROMENTOR_RATE_LIMIT_USER_WRITES,
            perIpRefused: e.MICROMENTOR_RATE_LIMIT_REFUSED_IP,
            windowSeconds: e.MICROMENTOR_RATE_LIMIT_WINDOW_SECONDS,
            proxyHops: e.MICROMENTOR_TRUST_PROXY,
          }
        : false,
    shutdownTimeoutMs: e.MICROMENTOR_SHUTDOWN_TIMEOUT_MS,
    sseMaxPerUser: e.MICROMENTOR_SSE_MAX_PER_USER,
    sseMaxPerKey: e.MICROMENTOR_SSE_MAX_PER_KEY,
    publicUrl: e.MICROMENTOR_PUBLIC_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MICROMENTOR_MAIL_FROM,
    email: e.MICROMENTOR_EMAIL === 'on',
    inboundSmtpPort: e.MICROMENTOR_INBOUND_SMTP_PORT,
    inboundSmtpHost: e.MICROMENTOR_INBOUND_SMTP_HOST,
    inboundDomain: e.MICROMENTOR_INBOUND_DOMAIN,
    replyKey: e.MICROMENTOR_INBOUND_DOMAIN ? (e.MICROMENTOR_SECRET_KEY ?? DEVELOPMENT_REPLY_KEY) : undefined,
    embeddings:
      typeof e.MICROMENTOR_EMBEDDINGS === 'string'
        ? e.MICROMENTOR_EMBEDDINGS
        : { ...e.MICROMENTOR_EMBEDDINGS, languages: e.MICROMENTOR_EMBEDDINGS_LANGUAGES },
    embeddingsMaxVectors: e.MICROMENTOR_EMBEDDINGS_MAX_VECTORS,
    vectorSearch: e.MICROMENTOR_VECTOR_SEARCH,
  };
}

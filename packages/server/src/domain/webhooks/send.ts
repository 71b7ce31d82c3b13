import { promises as dns, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import { isPrivateAddress, isRefusedHost } from './url-policy.js';

export const RESPONSE_EXCERPT_BYTES = 1024;

/**
 * What an admin is told when no HTTP answer came: a category, never the system's message, so
 * the delivery log names no address, port or internal detail (it must not work as a port
 * scanner).
 */
export type DeliveryFailure =
  | 'connection refused'
  | 'timeout'
  | 'TLS error'
  | 'DNS lookup failed'
  | 'address not allowed';

export interface SendResult {
  statusCode: number | null;
  error: DeliveryFailure | null;
  /** The target resolved to an address webhooks may not reach: retrying will not help. */
  blocked: boolean;
  latencyMs: number;
  responseExcerpt: string | null;
}

class BlockedAddressError extends Error {}
class DeadlineError extends Error {}
class NoAddressError extends Error {}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA', 'ENODATA']);
const TLS_CODE =
  /^(ERR_TLS_|ERR_SSL_|EPROTO$|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_OSSL_|HOSTNAME_MISMATCH$)/;

/** The category of a failed exchange (see DeliveryFailure). */
export function deliveryFailure(error: unknown): DeliveryFailure {
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (error instanceof BlockedAddressError || cause instanceof BlockedAddressError)
    return 'address not allowed';
  if (error instanceof DeadlineError) return 'timeout';
  if (error instanceof NoAddressError) return 'DNS lookup failed';
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') return 'timeout';
  if (DNS_CODES.has(code)) return 'DNS lookup failed';
  if (TLS_CODE.test(code)) return 'TLS error';
  return 'connection refused';
}

/**
 * A DNS lookup that checks every address a name resolves to and connects only to a checked
 * one: the check and the connection use the same answer, so a name that rebinds to a private
 * address between a check and the connection (DNS rebinding) gets nowhere.
 */
export function guardedLookup(allowPrivate: boolean, resolve: Resolver): LookupFunction {
  return ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    resolve(hostname).then((addresses) => {
      if (addresses.length === 0) return callback(new NoAddressError(`${hostname} has no address`));
      if (!allowPrivate) {
        const bad = addresses.find((a) => isPrivateAddress(a.address));
        if (bad) {
          return callback(
            new BlockedAddressError(`${hostname} resolves to ${bad.address}, a private or local address`),
          );
        }
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      return callback(null, first.address, first.family);
    }, callback);
  }) as LookupFunction;
}

/** Every address of a host name (the system resolver by default). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/**
 * POSTs one webhook: no redirects followed, no connection reuse, a hard deadline for the whole
 * exchange, and at most the first KB of the answer kept.
 */
export function sendWebhook(
  target: string,
  headers: Record<string, string>,
  body: string,
  options: { allowPrivate: boolean; timeoutMs: number; resolve?: Resolver | undefined },
): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const blockedResult: () => SendResult = () => ({
    statusCode: null,
    error: 'address not allowed',
    blocked: true,
    latencyMs: elapsed(),
    responseExcerpt: null,
  });
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return Promise.resolve(blockedResult());
  }
  // Address literals never reach the lookup below, so they are checked here (in any spelling).
  if (!options.allowPrivate && (isRefusedHost(url) || url.protocol !== 'https:')) {
    return Promise.resolve(blockedResult());
  }
  const client = url.protocol === 'https:' ? https : http;
  const payload = Buffer.from(body, 'utf8');

  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (result: Omit<SendResult, 'latencyMs' | 'blocked'> & { blocked?: boolean }) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve({ blocked: false, ...result, latencyMs: elapsed() });
    };
    const request = client.request(
      url,
      {
        method: 'POST',
        agent: false,
        lookup: guardedLookup(options.allowPrivate, options.resolve ?? systemResolver),
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(payload.length),
          'user-agent': 'Micromentor-Webhooks/1',
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          const excerpt = Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8');
          finish({ statusCode: response.statusCode ?? null, error: null, responseExcerpt: excerpt || null });
          response.destroy();
        };
        response.on('data', (chunk: Buffer) => {
          if (size >= RESPONSE_EXCERPT_BYTES) return;
          chunks.push(chunk);
          size += chunk.length;
          if (size >= RESPONSE_EXCERPT_BYTES) done();
        });
        response.on('end', done);
        response.on('error', done);
      },
    );
    const deadline = setTimeout(() => {
      request.destroy(new DeadlineError(`no answer within ${options.timeoutMs / 1000} s`));
    }, options.timeoutMs);
    request.on('error', (error) => {
      const failure = deliveryFailure(error);
      finish({
        statusCode: null,
        error: failure,
        blocked: failure === 'address not allowed',
        responseExcerpt: null,
      });
    });
    request.end(payload);
  });
}

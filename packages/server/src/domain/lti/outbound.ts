import http from 'node:http';
import https from 'node:https';
import { guardedLookup, type Resolver, systemResolver } from '../webhooks/send.js';
import { isRefusedHost } from '../webhooks/url-policy.js';

// Requests the tool makes to a platform (its key set, its token endpoint) go through the same
// guard as webhooks: https only, no private, loopback or link-local address (checked on the
// address actually connected to), no redirects, a deadline and a size cap. The webhooks'
// development switch (MICROMENTOR_WEBHOOKS_ALLOW_PRIVATE) also lets them reach a local LMS.

export interface OutboundOptions {
  allowPrivate: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  resolve?: Resolver;
}

export interface OutboundResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export class OutboundError extends Error {
  constructor(
    readonly url: string,
    message: string,
  ) {
    super(message);
  }
}

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_MAX_BYTES = 256 * 1024;

export function outboundRequest(
  target: string,
  init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string },
  options: OutboundOptions,
): Promise<OutboundResponse> {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return Promise.reject(new OutboundError(target, 'not a valid URL'));
  }
  if (!options.allowPrivate && (url.protocol !== 'https:' || isRefusedHost(url))) {
    return Promise.reject(new OutboundError(target, 'address not allowed (https to a public address only)'));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return Promise.reject(new OutboundError(target, 'not an http(s) URL'));
  }
  const client = url.protocol === 'https:' ? https : http;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const payload = init.body === undefined ? undefined : Buffer.from(init.body, 'utf8');
  return new Promise<OutboundResponse>((resolve, reject) => {
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      reject(new OutboundError(target, message));
    };
    const request = client.request(
      url,
      {
        method: init.method,
        agent: false,
        lookup: guardedLookup(options.allowPrivate, options.resolve ?? systemResolver),
        headers: {
          'user-agent': 'Micromentor-LTI/1',
          ...(payload ? { 'content-length': String(payload.length) } : {}),
          ...init.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            response.destroy();
            fail(`answer larger than ${maxBytes} bytes`);
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(deadline);
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
        response.on('error', (error) => fail(error.message));
      },
    );
    const deadline = setTimeout(() => {
      request.destroy();
      fail(`no answer within ${(options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000} s`);
    }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    request.on('error', (error) => fail(error.message));
    request.end(payload);
  });
}

/**
 * Load generation with autocannon's programmatic API. Latencies are collected per response
 * (autocannon's own histogram has no p95) and percentiles computed exactly over 2xx answers.
 */
import autocannon from 'autocannon';

export interface LoadRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  /** The server's base URL, e.g. http://127.0.0.1:4123 */
  url: string;
  connections: number;
  /** Seconds; or give `amount`. */
  duration?: number;
  /** A fixed number of requests (takes precedence over duration). */
  amount?: number;
  /** One fixed request, or a function giving request number i (0, 1, 2, …) — each built just before sending. */
  request: LoadRequest | ((i: number) => LoadRequest);
}

export interface LoadResult {
  /** Responses received. */
  responses: number;
  ok: number;
  non2xx: number;
  /** Connection errors and timeouts (no response at all). */
  errors: number;
  seconds: number;
  /** 2xx responses per second of the run. */
  okPerSecond: number;
  /** Share of responses that were 2xx, 0–1 (errors count as failures). */
  okShare: number;
  /** Milliseconds, over 2xx responses. */
  p50: number;
  p95: number;
  /** Non-2xx answers by `status code` (problem+json `code` when there is one). */
  failures: Map<string, number>;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

function failureKey(status: number, body: string): string {
  try {
    const code = (JSON.parse(body) as { code?: unknown }).code;
    if (typeof code === 'string') return `${status} ${code}`;
  } catch {
    // not JSON
  }
  return String(status);
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { request } = options;
  let counter = 0;
  const spec: autocannon.RequestSpec =
    typeof request === 'function'
      ? {
          ...request(counter++),
          // Called before every send: each request gets the next number.
          setupRequest: (req) => ({ ...req, ...request(counter++) }),
        }
      : { ...request };
  const failures = new Map<string, number>();
  spec.onResponse = (status, body) => {
    if (status >= 200 && status < 300) return;
    const key = failureKey(status, String(body));
    failures.set(key, (failures.get(key) ?? 0) + 1);
  };

  const latencies: number[] = [];
  let responses = 0;
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.duration ?? 5 }),
    timeout: 30,
    requests: [spec],
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    responses += 1;
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const ok = latencies.length;
  const errors = result.errors + result.timeouts;
  const seconds = result.duration;
  return {
    responses,
    ok,
    non2xx: responses - ok,
    errors,
    seconds,
    okPerSecond: seconds > 0 ? ok / seconds : Number.NaN,
    okShare: responses + errors > 0 ? ok / (responses + errors) : 0,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    failures,
  };
}

/** A pause so requests cut off at the end of one run drain before the next one starts. */
export function settle(ms = 500): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

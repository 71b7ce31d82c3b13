import type { Clock } from './clock.js';

/** The path of the test clock's control, outside `/v1` and the OpenAPI document on purpose. */
export const TEST_CLOCK_PATH = '/_test/clock';

/** The system clock plus an offset that only ever moves forward (end-to-end tests move time). */
export class OffsetClock implements Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

type Fetch = (request: Request, ...rest: never[]) => Response | Promise<Response>;

/**
 * Wraps the app's fetch so `POST /_test/clock {"advanceMs": n}` moves the process's clock n ms
 * forward (answering `{now, offsetMs}`; `GET` reads it). Only `startServer` installs it, and only
 * with MM_TEST_CLOCK=1 (never with NODE_ENV=production): without that variable the path is an
 * ordinary 404 and the clock is the system's.
 */
export function withTestClock<F extends Fetch>(fetch: F, clock: OffsetClock): F {
  const answer = () =>
    Response.json({ now: clock.now().toISOString(), offsetMs: clock.offsetMs }, { status: 200 });
  return (async (request: Request, ...rest: never[]) => {
    const url = new URL(request.url);
    if (url.pathname !== TEST_CLOCK_PATH) return fetch(request, ...rest);
    if (request.method === 'GET') return answer();
    if (request.method !== 'POST') return new Response(null, { status: 405 });
    const body = (await request.json().catch(() => null)) as { advanceMs?: unknown } | null;
    const advance = body?.advanceMs;
    if (typeof advance !== 'number' || !Number.isFinite(advance) || advance < 0) {
      return Response.json(
        { status: 400, title: 'Bad Request', code: 'validation_failed', detail: 'advanceMs: a number ≥ 0' },
        { status: 400, headers: { 'content-type': 'application/problem+json' } },
      );
    }
    clock.offsetMs += advance;
    return answer();
  }) as F;
}

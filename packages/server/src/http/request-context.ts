import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import { randomBase62 } from '../security/keys.js';
import type { AppEnv } from './env.js';

export interface RequestLogLine {
  level: 'info';
  msg: 'request';
  method: string;
  route: string;
  status: number;
  ms: number;
  requestId: string;
  tenant: string | null;
}

export type RequestLogger = (line: RequestLogLine) => void;

const INCOMING_ID = /^[A-Za-z0-9_.:-]{8,64}$/;

/** Gives every request an id (kept from X-Request-Id when sane) and logs one line for it. */
export function requestContext(log: RequestLogger | undefined) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : `req_${randomBase62(20)}`;
    c.set('requestId', requestId);
    const started = performance.now();
    await next();
    c.res.headers.set('X-Request-Id', requestId);
    log?.({
      level: 'info',
      msg: 'request',
      method: c.req.method,
      route: routePath(c, -1) || c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      requestId,
      tenant: c.get('auth')?.tenant.id ?? null,
    });
  });
}

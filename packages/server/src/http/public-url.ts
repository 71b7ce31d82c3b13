import type { Context } from 'hono';
import type { AppEnv } from './env.js';

/**
 * The origin (and path prefix) links the API hands out point at: the configured public URL
 * (MICROMENTOR_PUBLIC_URL, for a server behind a proxy), else the origin this request came to.
 */
export function publicBaseUrl(c: Context<AppEnv>): string {
  return (c.get('deps').publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
}

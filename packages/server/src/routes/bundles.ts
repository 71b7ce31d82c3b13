import { dirname } from 'node:path';
import { Hono } from 'hono';
import { BundleFiles, matchesEtag, preferredEncoding } from '../http/bundle-files.js';
import type { AppEnv } from '../http/env.js';
import { ApiError } from '../http/errors.js';

/**
 * Every file of the widget's pages build, content-hashed (`<name>.<hash>.js`: the learner flow
 * `ask-expert.<hash>.js`, the consoles' entries, the parts and the chunks they share, such as
 * `mm-core.<hash>.js`): a name changes with its content. The esm build's files for bundlers
 * (`index.js`, `*.module.js`, `<name>-<hash>.js`) never match.
 */
const HASHED = /^[a-z][\w-]*\.[\w-]{8}\.js$/;
/** The loader, the one name a host page writes down. */
const NAMED = new Set(['widget.js']);

/**
 * The widget's bundles from its dist folder: widget.js (the loader, short-cached and
 * revalidated, since its URL never changes) and the ES modules it imports (the learner flow,
 * My help, the consoles, their parts and shared chunks; content-hashed, cached for good).
 * Compressed as the browser accepts, with an ETag.
 */
export function bundleRoutes(widgetFile: string | undefined) {
  const files = widgetFile ? new BundleFiles(dirname(widgetFile)) : undefined;
  return new Hono<AppEnv>().get('/:file{[\\w.-]+\\.js}', (c) => {
    const name = c.req.param('file');
    const hashed = HASHED.test(name);
    if (!hashed && !NAMED.has(name)) {
      throw new ApiError(404, 'not_found', `There is no bundle named ${name}.`);
    }
    const file = files?.get(name);
    if (!file) {
      throw new ApiError(404, 'widget_not_built', 'The widget bundle is not built; run `pnpm build`.');
    }
    const encoding = preferredEncoding(c.req.header('Accept-Encoding'));
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header(
      'Cache-Control',
      hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300, must-revalidate',
    );
    c.header('ETag', file.etag);
    c.header('Vary', 'Accept-Encoding');
    // Loaded by other sites' pages: widget.js by a <script> tag, the modules by import() (CORS).
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    if (matchesEtag(c.req.header('If-None-Match'), file.etag)) return c.body(null, 304);
    if (encoding !== 'identity') c.header('Content-Encoding', encoding);
    return c.body(new Uint8Array(file.bodies[encoding]), 200);
  });
}

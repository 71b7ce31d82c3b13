import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './support/context.js';

// The widget's bundles, served from a real folder on disk as the build leaves it.
const dir = mkdtempSync(join(tmpdir(), 'mm-bundles-'));
const loader = `/* loader */ import('./ask-expert.AbCd1234.js');${' '.repeat(2000)}`;
const flow = `customElements.define('mm-ask-expert', class extends HTMLElement {});${'x'.repeat(3000)}`;
writeFileSync(join(dir, 'widget.js'), loader);
// A pre-compressed copy the build wrote; served as is (its bytes differ from a fresh gzip).
writeFileSync(join(dir, 'widget.js.gz'), gzipSync(loader, { level: 1 }));
writeFileSync(join(dir, 'ask-expert.AbCd1234.js'), flow);
// A compressed copy that does not hold the file's bytes (left from another build): never served.
writeFileSync(join(dir, 'ask-expert.AbCd1234.js.br'), brotliCompressSync('stale();'));
writeFileSync(join(dir, 'mm-my-help.Zz9_8-7y.js'), 'export const later = 1;');
// What the esm build (for bundlers) leaves beside them: never served.
writeFileSync(join(dir, 'index.js'), 'export {};');
writeFileSync(join(dir, 'mentor-console.module.js'), 'export {};');
writeFileSync(join(dir, 'base-Cms52XMw.js'), 'export {};');
writeFileSync(join(dir, 'settings.Qk-5BPpc.js'), 'export const part = 1;');
writeFileSync(join(dir, 'mm-core.Xn2ggCly.js'), 'export const lit = 1;');

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ config: { widgetFile: join(dir, 'widget.js') } });
});
afterAll(async () => {
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) => ctx.app.request(path, { headers });

describe('widget bundles', () => {
  it('sends brotli when accepted, else gzip, else the plain file — the same script each way', async () => {
    const br = await get('/widget.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers.get('Content-Encoding')).toBe('br');
    expect(br.headers.get('Vary')).toBe('Accept-Encoding');
    expect(br.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(loader);

    const gz = await get('/widget.js', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    const gzBytes = Buffer.from(await gz.arrayBuffer());
    expect(gunzipSync(gzBytes).toString()).toBe(loader);
    expect(gzBytes.equals(gzipSync(loader, { level: 1 })), 'the build’s .gz file, not a new one').toBe(true);

    const plain = await get('/widget.js', { 'Accept-Encoding': 'br;q=0, gzip;q=0' });
    expect(plain.headers.get('Content-Encoding')).toBe(null);
    expect(await plain.text()).toBe(loader);
    expect((await get('/widget.js')).headers.get('Content-Encoding')).toBe(null);
  });

  it('caches widget.js briefly with revalidation, and a content-hashed flow for good', async () => {
    const widget = await get('/widget.js');
    expect(widget.headers.get('Cache-Control')).toBe('public, max-age=300, must-revalidate');
    expect(widget.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const hashed = await get('/ask-expert.AbCd1234.js', { 'Accept-Encoding': 'br' });
    expect(hashed.status).toBe(200);
    expect(hashed.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    // Its .br beside it on disk is stale: compressed once by the server instead.
    expect(brotliDecompressSync(Buffer.from(await hashed.arrayBuffer())).toString()).toBe(flow);
    // Loaded by import() from other origins: CORS allowed.
    expect(hashed.headers.get('Access-Control-Allow-Origin')).toBe('*');
    // A chunk the flow loads later, and one every entry shares, are hashed too.
    for (const path of ['/mm-my-help.Zz9_8-7y.js', '/mm-core.Xn2ggCly.js']) {
      const chunk = await get(path);
      expect(chunk.status, path).toBe(200);
      expect(chunk.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
      expect(chunk.headers.get('Access-Control-Allow-Origin')).toBe('*');
    }
  });

  it('answers a matching If-None-Match with 304 and no body, in any encoding', async () => {
    const first = await get('/widget.js', { 'Accept-Encoding': 'br' });
    const etag = first.headers.get('ETag');
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    for (const encoding of ['br', 'gzip', 'identity']) {
      const again = await get('/widget.js', { 'Accept-Encoding': encoding, 'If-None-Match': etag! });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('ETag')).toBe(etag);
    }
    const weak = await get('/widget.js', { 'If-None-Match': `"other", W/${etag}` });
    expect(weak.status).toBe(304);
    const stale = await get('/widget.js', { 'If-None-Match': '"other"' });
    expect(stale.status).toBe(200);
  });

  it('serves a rebuilt file with a new ETag, never the old bytes from memory', async () => {
    const before = (await get('/follow-up.B5FEH7ml.js')).status;
    expect(before).toBe(404);
    const path = join(dir, 'follow-up.B5FEH7ml.js');
    writeFileSync(path, 'first();');
    const first = await get('/follow-up.B5FEH7ml.js', { 'Accept-Encoding': 'gzip' });
    expect(gunzipSync(Buffer.from(await first.arrayBuffer())).toString()).toBe('first();');
    writeFileSync(path, 'second(); // longer');
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    const second = await get('/follow-up.B5FEH7ml.js', { 'Accept-Encoding': 'gzip' });
    expect(gunzipSync(Buffer.from(await second.arrayBuffer())).toString()).toBe('second(); // longer');
    expect(second.headers.get('ETag')).not.toBe(first.headers.get('ETag'));
  });

  it('serves the part the consoles import when they show it, to any origin (a module import is CORS)', async () => {
    const part = await get('/settings.Qk-5BPpc.js');
    expect(part.status).toBe(200);
    expect(await part.text()).toBe('export const part = 1;');
    expect(part.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(part.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
  });

  it('serves only the bundles a page loads: anything else in the folder is a 404 problem', async () => {
    for (const path of [
      '/index.js',
      '/mentor-console.module.js',
      '/base-Cms52XMw.js',
      '/ask-expert.js',
      '/ask-expert.short.js',
      // The script-tag consoles of before: the loader imports their hashed entries now.
      '/mentor-console.js',
      '/mentor-console.Dx-bDe9i.js',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    }
    const missing = await get('/mentor-console.Dx-bDe9i.js');
    expect(((await missing.json()) as { code: string }).code).toBe('widget_not_built');
    const other = await get('/index.js');
    expect(((await other.json()) as { code: string }).code).toBe('not_found');
  });
});

// The widget build writes .br and .gz copies beside every bundle a page loads, for the server
// to send as they are: each must hold exactly the bytes of its file (a copy taken before a
// later build step changed the code once shipped a flow that could not load its My help chunk).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureWidgetBuilt, WIDGET_DIR } from '../e2e/support.js';

const dist = join(WIDGET_DIR, 'dist');

beforeAll(() => ensureWidgetBuilt(), 180_000);

describe('the widget’s pre-compressed bundles', () => {
  it('exist for the loader and every file of the pages build: entries, parts and shared chunks', () => {
    const files = readdirSync(dist);
    const manifest = JSON.parse(readFileSync(join(dist, 'pages.manifest.json'), 'utf8')) as Record<
      string,
      { file: string }
    >;
    const pages = Object.values(manifest).map((chunk) => chunk.file);
    for (const source of [
      'src/flow-entry.ts',
      'src/follow-up-entry.ts',
      'src/mentor-console-entry.ts',
      'src/admin-console-entry.ts',
      'src/settings-part.ts',
      'src/admin-part.ts',
    ])
      expect(manifest[source]?.file, source).toMatch(/^[\w-]+\.[\w-]{8}\.js$/);
    expect(pages.length).toBeGreaterThan(8); // the entries, the chunks they share, later chunks
    for (const name of ['widget.js', ...pages]) {
      expect(files).toContain(`${name}.br`);
      expect(files).toContain(`${name}.gz`);
    }
  });

  it('hold exactly the bytes of their files', () => {
    const copies = readdirSync(dist).filter((f) => f.endsWith('.js.br') || f.endsWith('.js.gz'));
    expect(copies.length).toBeGreaterThan(8);
    for (const copy of copies) {
      const file = copy.slice(0, -3);
      const original = readFileSync(join(dist, file));
      const bytes = readFileSync(join(dist, copy));
      const restored = copy.endsWith('.br') ? brotliDecompressSync(bytes) : gunzipSync(bytes);
      expect(restored.equals(original), copy).toBe(true);
    }
  });
});

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
  it('exist for the loader, the learner flow and its chunks, each console and the parts they import', () => {
    const files = readdirSync(dist);
    for (const name of [
      'widget.js',
      'mentor-console.js',
      'admin-console.js',
      'follow-up.js',
      'settings.js',
      'admin-tools.js',
    ]) {
      expect(files).toContain(`${name}.br`);
      expect(files).toContain(`${name}.gz`);
    }
    const flow = files.filter((f) => /^ask-expert[.-].*\.js$/.test(f));
    expect(flow.length).toBeGreaterThanOrEqual(2); // the entry and at least one later chunk
    for (const name of flow) expect(files).toContain(`${name}.br`);
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
